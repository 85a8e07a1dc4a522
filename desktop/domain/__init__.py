"""Plain dataclasses, enumerations and validation rules; imports nothing of ours but errors."""
