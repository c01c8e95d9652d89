"""What the portal sent (or will send) about an employee to the Learning Record Store, for "my data"
(/akun/data-saya/, UU 27/2022 art. 7): each statement's event, its state and its id (one query)."""

from portal.people.models import Employee

from .models import Statement


def personal_data_for(*, employee: Employee) -> dict:
    rows = Statement.objects.filter(employee=employee).order_by("created_at")
    return {
        "lrs_statements": [
            {
                "verb": row.verb,
                "object": row.object_name,
                "status": row.get_status_display(),
                "created_at": row.created_at.isoformat(),
                "sent_at": row.sent_at.isoformat() if row.sent_at else None,
                "statement_id": str(row.pk),
            }
            for row in rows
        ]
    }
