"""On PostgreSQL, the audit trail refuses UPDATE and DELETE in the database itself.

- UPDATE is refused, except the one Django makes when a user or employee is deleted: their foreign
  key becomes NULL (on_delete=SET_NULL), every other column unchanged; the labels keep the names.
- DELETE is refused unless the transaction set `SET LOCAL kompeten.audit_purge = 'on'`, which only
  portal.audit.services.audit_purge (the retention command) does.
TRUNCATE is not blocked: Django's test runner empties tables with it; production grants no one the
right to run it by hand. SQLite (the zero-set-up run) has only the model's own refusals.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('kompeten.audit_purge', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_auditentry is append-only: DELETE refused'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (to_jsonb(NEW) - 'actor_id' - 'subject_employee_id') = (to_jsonb(OLD) - 'actor_id' - 'subject_employee_id')
       AND (NEW.actor_id IS NULL OR NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id)
       AND (NEW.subject_employee_id IS NULL OR NEW.subject_employee_id IS NOT DISTINCT FROM OLD.subject_employee_id)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_auditentry is append-only: UPDATE refused'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_auditentry_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditentry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_auditentry_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_entry")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
