-- The W3C trace context (traceparent, tracestate) of what asked for a channel's posting: the
-- EventApproved message for the first round, the owner's 재시도 for a later one. The worker's attempts
-- run outside any request; they continue this trace, so approval → posts → Event and Analytics is one
-- trace on the dashboard. NULL (rows from before, or a caller without a trace) starts a new trace.
ALTER TABLE distribution_channels ADD COLUMN traceparent text NULL;
ALTER TABLE distribution_channels ADD COLUMN tracestate text NULL;
