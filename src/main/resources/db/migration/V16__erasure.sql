-- The ledger is append-only, with one exception: a player may erase their history. Their rows stay (the megabytes
-- were given) but no longer name them: player goes from a value to NULL, and nothing else about a row may change.
CREATE FUNCTION donation_only_forgets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the ledger is append-only: donation % cannot be deleted', OLD.id;
    END IF;
    IF NEW.player IS NOT NULL OR OLD.player IS NULL
        OR (to_jsonb(NEW) - 'player') IS DISTINCT FROM (to_jsonb(OLD) - 'player') THEN
        RAISE EXCEPTION 'the ledger is append-only: donation % may only forget its player', OLD.id;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER donation_is_final BEFORE UPDATE OR DELETE ON donation FOR EACH ROW EXECUTE FUNCTION donation_only_forgets();
