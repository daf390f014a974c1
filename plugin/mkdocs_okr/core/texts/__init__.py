"""The texts of the core in every language, one module per topic (see core/messages.py).

Each module defines `TEXTS: dict[str, dict[str, str]]`: message key -> language -> template.
A key is a diagnostic code, or a code, a dot and what tells its messages apart.
"""
