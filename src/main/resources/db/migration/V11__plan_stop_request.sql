-- A dispatcher may ask any instance to stop a plan; the instance solving it reads the request within a second.
ALTER TABLE plan ADD COLUMN stop_requested_at timestamptz;
