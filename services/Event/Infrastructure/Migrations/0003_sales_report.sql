-- The owner's report of what an ended event added to the store's sales (UFR-ANAL-010, ROI 상세 분석).
-- Reporting again replaces the figure; the time of the latest report orders the EventSalesReported
-- messages, so the Ai service keeps the newest whatever order they arrive in.
ALTER TABLE events ADD COLUMN sales_increase_krw bigint CHECK (sales_increase_krw BETWEEN 0 AND 10000000000);
ALTER TABLE events ADD COLUMN sales_reported_at timestamptz;
ALTER TABLE events ADD CONSTRAINT events_sales_reported CHECK ((sales_increase_krw IS NULL) = (sales_reported_at IS NULL));
-- Only an event that has ended (and so counted its participants) has sales to report.
ALTER TABLE events ADD CONSTRAINT events_sales_after_end CHECK (sales_increase_krw IS NULL OR status = 'ended');
