"""The task outbox: background work is written to PostgreSQL in the transaction that asks for it,
then handed to the broker, so that neither a broker outage nor a worker killed mid-task loses it.

Core: every app may import it; it imports no app.

- `task_enqueue` keeps a row with the task's name and arguments and, once the transaction commits,
  publishes it. If Redis is down the row simply waits; the page that asked does not fail.
- The worker runs outbox tasks through `OutboxTask`: it claims the row (who, when), runs the task
  and marks the row finished. A row already finished is not run again.
- `outbox_relay` (beat, every minute, and `manage.py outbox_relay`) publishes what is waiting: rows
  never published, rows whose message the broker lost (queued far longer than any queue wait), and
  rows whose worker died mid-task (started longer ago than a task may run).
- A row names the worker as soon as its message reaches it. A worker that starts again under the
  same name publishes at once the rows its previous run had received or claimed and not finished:
  it was killed (`kill -9`, the machine lost power) holding them, and their messages stay
  unacknowledged in Redis for hours (the visibility timeout).

Delivery is at least once, never "at most once": every task run through the outbox must be
idempotent, and each is (certificates are issued once per enrolment under a row lock, an import job
runs once to a final state, each e-mail is marked sent as soon as it leaves). See
docs/operations.md, "Faults".
"""
