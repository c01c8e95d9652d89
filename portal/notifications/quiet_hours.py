"""No e-mail at night: mail written between the quiet hours waits until the morning (WIB)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

# The city works in WIB whatever the server's clock says, so the bounds are read in WIB.
WIB = ZoneInfo("Asia/Jakarta")


def email_send_time(now: datetime) -> datetime | None:
    """When an e-mail written at `now` may leave: None for "now", else the next end of quiet hours.

    The quiet hours are HR's setting (portal.rules.quiet_hours; 21 to 7 o'clock WIB unless changed),
    across midnight when the start is later than the end. A naive `now` is read as WIB. The answer
    is an aware datetime in WIB.
    """
    from portal.rules import quiet_hours

    start, end = quiet_hours()
    local = now.replace(tzinfo=WIB) if now.tzinfo is None else now.astimezone(WIB)
    hour = local.hour
    if start == end:
        return None
    if start > end:
        quiet = hour >= start or hour < end
    else:
        quiet = start <= hour < end
    if not quiet:
        return None
    day = local.date() + timedelta(days=1) if hour >= end and hour >= start else local.date()
    return datetime.combine(day, time(end), tzinfo=WIB)
