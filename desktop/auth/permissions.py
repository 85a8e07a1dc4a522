"""Roles and what they may do. Enforced in the services, whatever the caller."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.enums import Role
from desktop.domain.records import Actor
from desktop.errors import PermissionDenied


class Permission(StrEnum):
    VIEW_ALL_RECORDS = "view all records"
    DELETE_RECORDS = "delete records"
    REASSIGN_RECORDS = "reassign records"
    RESOLVE_CONFLICTS = "resolve sync conflicts"
    VIEW_AUDIT = "view the audit log"
    MANAGE_USERS = "manage users"
    # Anyone whose key opens the database may copy it: the backup is encrypted under the
    # same data key and shows nothing that user could not already read on this laptop.
    BACKUP = "back up the database"
    # Restoring replaces every user's records with the backup's (whatever colleagues wrote
    # since is set aside): a decision for the office, so supervisors and admins only.
    BACKUP_RESTORE = "restore a backup"
    SYNC = "sync"
    # The organisation's own fields (Admin → Forms, ``caseload forms``): what every
    # record asks for, so the organisation's admins only.
    MANAGE_FORMS = "manage the forms"
    # Two records found to be one person become one (services/merges.py), and back.
    MERGE_RECORDS = "merge duplicate records"


_SUPERVISOR = frozenset(
    {
        Permission.VIEW_ALL_RECORDS,
        Permission.DELETE_RECORDS,
        Permission.REASSIGN_RECORDS,
        Permission.RESOLVE_CONFLICTS,
        Permission.VIEW_AUDIT,
        Permission.BACKUP,
        Permission.BACKUP_RESTORE,
        Permission.SYNC,
        Permission.MERGE_RECORDS,
    }
)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASEWORKER: frozenset({Permission.SYNC, Permission.BACKUP}),
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: _SUPERVISOR | {Permission.MANAGE_USERS, Permission.MANAGE_FORMS},
}


def can(actor: Actor, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[actor.role]


def require(actor: Actor, permission: Permission) -> None:
    if not can(actor, permission):
        raise PermissionDenied(f"Your role ({actor.role.value}) may not {permission.value}.")


def require_record_access(actor: Actor, caseworker_id: str) -> None:
    """A caseworker works only on their own caseload; supervisors and admins on all."""
    if actor.id != caseworker_id and not can(actor, Permission.VIEW_ALL_RECORDS):
        raise PermissionDenied("This beneficiary belongs to another caseworker's caseload.")
