"""Caseload central server: the original REST API plus what offline sync needs."""

__version__ = "0.1.0"
