"""A transfer of a case between caseworkers, as the lists and the detail show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .enums import TransferState


@dataclass(frozen=True)
class TransferView:
    """One transfer with the names of both sides.

    ``case_number`` and ``beneficiary_name`` are the case's own where this laptop holds
    it, else what the transfer carries (the receiver's laptop before accepting).
    """

    id: str
    beneficiary_id: str
    case_number: str
    beneficiary_name: str
    from_id: str
    from_name: str
    to_id: str
    to_name: str
    note: str
    state: TransferState
    decision_note: str
    proposed_at: datetime
    version: int
    # This laptop holds the case itself (not only the transfer's summary of it).
    case_here: bool

    @property
    def pending(self) -> bool:
        return self.state is TransferState.PROPOSED
