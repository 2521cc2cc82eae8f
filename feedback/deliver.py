"""Delivery of one digest: email over SMTP (STARTTLS, then login) or an incoming-webhook POST.

Both raise ``DeliveryError`` with a message free of secrets (no password, no
webhook URL), so the caller may log and record it as it is. ``with_retries``
retries with exponential backoff.
"""

from __future__ import annotations

import json
import smtplib
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path


class DeliveryError(RuntimeError):
    """A delivery failed; the message holds no secret."""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str = "ocwatch@localhost"
    cafile: Path | None = None
    timeout: float = 30.0


def scrub(text: str, secrets: list[str | None]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def send_email(cfg: SmtpConfig, to: str, subject: str, body: str) -> None:
    """One plain-text email; STARTTLS is required (a relay without it is a failure, never plain text)."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = cfg.sender, to, subject
    msg.set_content(body)
    context = ssl.create_default_context(cafile=str(cfg.cafile) if cfg.cafile else None)
    try:
        with smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout) as smtp:
            smtp.starttls(context=context)
            if cfg.user:
                smtp.login(cfg.user, cfg.password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"email to {to} via {cfg.host}:{cfg.port}: "
                            f"{scrub(f'{type(exc).__name__}: {exc}', [cfg.password])}") from None


def post_webhook(url: str, text: str, timeout: float = 30.0) -> None:
    """POST {"text": ...}: the body Mattermost, Slack and Teams incoming webhooks all accept."""
    data = json.dumps({"text": text}).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            resp.read()
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"webhook answered HTTP {exc.code}") from None
    except (OSError, ValueError) as exc:
        # The URL is the secret: name the failure, never the address.
        raise DeliveryError(f"webhook: {scrub(f'{type(exc).__name__}: {exc}', [url])}") from None


def with_retries(send: Callable[[], None], attempts: int, backoff: float) -> tuple[int, str | None]:
    """Call ``send`` up to ``attempts`` times, waiting backoff, 2x, 4x... between; (attempts made, last error)."""
    error = None
    for n in range(1, attempts + 1):
        try:
            send()
            return n, None
        except DeliveryError as exc:
            error = str(exc)
            if n < attempts:
                time.sleep(backoff * 2 ** (n - 1))
    return attempts, error
