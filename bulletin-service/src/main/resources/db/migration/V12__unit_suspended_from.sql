-- The first day of a unit's suspension (decision 422): a unit suspended from a date is still listed, and its alerts
-- still delivered, for the days before it. NULL with suspended: every day, as before.
ALTER TABLE units ADD COLUMN suspended_from date;
