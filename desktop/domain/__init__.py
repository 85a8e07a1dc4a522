"""Plain dataclasses, enumerations, the record schema and its rules; imports nothing of ours."""
