"""Writes of competency development: activities outside the portal and development plans."""

from .activities import (
    MAX_JP,
    activity_record,
    activity_reject,
    activity_verify,
    duplicate_of,
    folded,
    notify_verified,
)
from .plans import (
    plan_approve,
    plan_for,
    plan_item_add,
    plan_item_remove,
    plan_reopen,
    plan_request_changes,
    plan_submit,
)

__all__ = [
    "MAX_JP",
    "activity_record",
    "activity_reject",
    "activity_verify",
    "duplicate_of",
    "folded",
    "notify_verified",
    "plan_approve",
    "plan_for",
    "plan_item_add",
    "plan_item_remove",
    "plan_reopen",
    "plan_request_changes",
    "plan_submit",
]
