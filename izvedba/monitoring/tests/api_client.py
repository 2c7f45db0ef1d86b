"""A test case base for the monitoring API: the cast, a key per user, and JSON calls with a bearer key."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.test import TestCase
from django.test.client import MULTIPART_CONTENT

from izvedba.accounts.models import User
from izvedba.monitoring.models import Report, Round
from izvedba.monitoring.tests.cast import Cast, bearer, make_cast, open_round, token_for

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


class ApiCase(TestCase):
    cast: Cast
    keys: dict[str, str]
    round: Round

    @classmethod
    def setUpTestData(cls) -> None:
        cls.cast = make_cast()
        cls.keys = {name: token_for(user) for name, user in cls.cast.users.items()}
        cls.round = open_round(cls.cast)

    def setUp(self) -> None:
        super().setUp()
        # Messages from the services are translated; these tests read the English ones.
        self.client.cookies["django_language"] = "en"

    def key(self, who: str | User) -> str:
        name = who if isinstance(who, str) else who.username
        return self.keys[name]

    def call(self, method: str, url: str, who: str | User | None, body: Any = None) -> Response:
        headers = bearer(self.key(who)) if who is not None else {}
        kwargs: dict[str, Any] = {"headers": headers}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        response: Response = getattr(self.client, method.lower())(url, **kwargs)
        return response

    def ok(self, method: str, url: str, who: str | User | None, body: Any = None, status: int = 200) -> Any:
        response = self.call(method, url, who, body)
        self.assertEqual(response.status_code, status, response.content[:1000])
        return response.json()

    def upload(self, url: str, who: str, name: str, content: bytes) -> Response:
        from django.core.files.uploadedfile import SimpleUploadedFile

        response: Response = self.client.post(
            url,
            {"file": SimpleUploadedFile(name, content)},
            headers=bearer(self.key(who)),
            content_type=MULTIPART_CONTENT,
        )
        return response

    def report(self, measure: Any = None) -> Report:
        return Report.objects.get(round=self.round, measure=measure or self.cast.m1)
