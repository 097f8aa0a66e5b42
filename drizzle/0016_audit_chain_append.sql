-- The audit chain's append in one round trip (src/server/lib/audit-chain.ts, `beginAppend`): take
-- the append lock, read the head's hash, draw `n` sequence numbers and the transaction's time as
-- the chain hashes it (the lock's key and the time's format are the caller's).
-- The lock is held until the commit, so every round trip under it is one fewer write a second
-- for the whole coalition; this was three. A volatile function's every query takes a fresh
-- snapshot, so the head read after the lock is the one the last appender committed.
CREATE FUNCTION entente_audit_chain_begin(lock_key bigint, n integer, time_format text)
RETURNS TABLE (head_hash text, next_seq bigint, at_text text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head text;
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT e.hash INTO head FROM audit_events e ORDER BY e.seq DESC LIMIT 1;
  RETURN QUERY
    SELECT head, nextval(pg_get_serial_sequence('audit_events', 'seq')),
           to_char(now() AT TIME ZONE 'UTC', time_format)
    FROM generate_series(1, n);
END
$$;
