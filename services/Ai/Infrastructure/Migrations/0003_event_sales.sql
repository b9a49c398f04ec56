-- Sales the owner reported for an ended event (EventSalesReported), and so its real ROI. Kept apart
-- from the success case because the two messages can arrive in either order: whichever handler
-- comes second completes the case and the accuracy row. The newest report wins (reported_at).
CREATE TABLE event_sales (
    event_id             uuid        PRIMARY KEY,
    industry             text        NOT NULL,
    sales_increase_krw   bigint      NOT NULL CHECK (sales_increase_krw >= 0),
    cost_krw             bigint      NOT NULL CHECK (cost_krw > 0),
    actual_roi_percent   integer     NOT NULL,
    expected_roi_percent integer     NOT NULL,
    reported_at          timestamptz NOT NULL,
    recorded_at          timestamptz NOT NULL DEFAULT now()
);

-- Seed 003's ROI accuracy next to the participants' one: |expected − actual| / |actual| ROI of the
-- plan the owner ran. NULL until the sales are reported, and the error NULL when the actual ROI is
-- exactly 0 (the ratio is undefined there).
ALTER TABLE prediction_accuracy ADD COLUMN expected_roi_percent integer;
ALTER TABLE prediction_accuracy ADD COLUMN actual_roi_percent integer;
ALTER TABLE prediction_accuracy ADD COLUMN roi_error double precision CHECK (roi_error >= 0);
ALTER TABLE prediction_accuracy ADD CONSTRAINT prediction_accuracy_roi_known
    CHECK ((expected_roi_percent IS NULL) = (actual_roi_percent IS NULL));
