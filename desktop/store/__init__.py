"""The embedded, encrypted database: engine, tables, unit of work, migrations, backup."""
