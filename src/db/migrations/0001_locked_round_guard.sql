-- A locked status round is read-only: its answers can be neither added, changed
-- nor removed, whatever the application does.
CREATE OR REPLACE FUNCTION pejl_refuse_locked_round_reports() RETURNS trigger AS $$
DECLARE
  round_state text;
BEGIN
  SELECT state INTO round_state FROM status_rounds WHERE id = COALESCE(NEW.round_id, OLD.round_id);
  IF round_state = 'locked' THEN
    RAISE EXCEPTION 'status round % is locked; its answers cannot change', COALESCE(NEW.round_id, OLD.round_id)
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.round_id <> OLD.round_id THEN
    SELECT state INTO round_state FROM status_rounds WHERE id = OLD.round_id;
    IF round_state = 'locked' THEN
      RAISE EXCEPTION 'status round % is locked; its answers cannot change', OLD.round_id USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER status_reports_locked_round
  BEFORE INSERT OR UPDATE OR DELETE ON status_reports
  FOR EACH ROW EXECUTE FUNCTION pejl_refuse_locked_round_reports();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pejl_refuse_locked_round_changes() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'locked' THEN
    RAISE EXCEPTION 'status round % is locked', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER status_rounds_locked
  BEFORE UPDATE OR DELETE ON status_rounds
  FOR EACH ROW EXECUTE FUNCTION pejl_refuse_locked_round_changes();
