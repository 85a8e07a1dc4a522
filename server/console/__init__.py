"""The web console for organisation admins and supervisors, served at `/`.

Rendered on the server from Jinja templates with one stylesheet and no JavaScript. Only
admins and supervisors sign in (with the API's password check and throttling,
server/auth.py), each sees their own organisation only, and supervisors only read.

- `server.console.security`: the session cookie, CSRF protection and response headers;
- `server.console.signin`: signing in and out, and who the request is for;
- `server.console.pages`: the laptops, sync activity and forms pages;
- `server.console.users`: the accounts and the log of administrative actions.
"""

from __future__ import annotations

from flask import Flask

from server.console import users  # noqa: F401  (its routes)
from server.console.pages import bp
from server.console.security import init_security


def init_console(app: Flask) -> None:
    init_security(app)
    app.register_blueprint(bp)
