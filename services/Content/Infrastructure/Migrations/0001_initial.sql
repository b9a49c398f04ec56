-- The SNS images of events (UFR-CONT-010): SVG is the editable source; each generation adds three
-- (one per style), and the owner selects one of an event's images.
CREATE TABLE images (
    image_id   uuid        PRIMARY KEY,
    event_id   uuid        NOT NULL,
    owner_id   uuid        NOT NULL,
    style      text        NOT NULL CHECK (style IN ('simple', 'fancy', 'trendy')),
    width      integer     NOT NULL,
    height     integer     NOT NULL,
    svg        text        NOT NULL,
    selected   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);

CREATE INDEX images_owner_event ON images (owner_id, event_id);

-- At most one selected image per event.
CREATE UNIQUE INDEX images_one_selected ON images (event_id) WHERE selected;
