"""Table models fed by the services with frozen records, never by the ORM."""
