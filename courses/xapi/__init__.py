"""Learning records out of the portal as xAPI statements, to the LRS the city configures.

Each lesson completion, quiz attempt and course completion becomes one Statement row in the event's
own transaction (its `event` is unique, so an event is never recorded twice) and one outbox task that
sends it. The statement's id is derived from the event, and it is sent with PUT ?statementId=, so a
statement that reached the LRS but whose answer was lost is not stored twice there either. Nothing is
recorded while no LRS is configured (XAPI_LRS_ENDPOINT)."""
