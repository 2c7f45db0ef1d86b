"""base.html, its partials, the login page and the error pages, rendered against a small URLconf.

The URLconf below defines every URL name the templates use, with stand-in views, so these tests
do not depend on the apps' own views.
"""

from __future__ import annotations

import re
from collections import Counter

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import engines
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import URLPattern, include, path
from django.utils import translation

from izvedba.core.views import language

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block title %}Page title{% endblock %}
{% block breadcrumbs %}<li aria-current="page">Crumb</li>{% endblock %}
{% block content %}<h1>Content</h1>{% endblock %}"""
)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PAGE.render({}, request))


def with_message(request: HttpRequest) -> HttpResponse:
    messages.error(request, "The file could not be read.")
    return HttpResponse(PAGE.render({}, request))


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def _ns(name: str, namespace: str) -> tuple[list[URLPattern], str]:
    return [path("", page, name=name)], namespace


urlpatterns = [
    path("", home, name="home"),
    path("plans/", include(_ns("list", "plans"))),
    path("organisations/", include(_ns("list", "organisations"))),
    path("regions/", include(_ns("region-list", "geo"))),
    path("documents/upload/", include(_ns("upload", "documents"))),
    path("api/docs/", include(_ns("openapi-view", "api-1.0.0"))),
    path("message/", with_message),
    path("forbidden/", forbidden),
    path("broken/", broken),
    path("accounts/", include("django.contrib.auth.urls")),
    path("jezik/<str:code>/", language, name="language"),
    path("admin/", admin.site.urls),
]

PASSWORD = "correct horse battery"


def ids_in(html: str) -> Counter[str]:
    return Counter(re.findall(r'\sid="([^"]+)"', html))


@override_settings(ROOT_URLCONF=__name__)
class BaseTemplateTests(TestCase):
    def test_it_declares_slovenian_by_default(self) -> None:
        html = self.client.get("/").content.decode()
        self.assertIn('<html lang="sl">', html)

    def test_it_has_a_skip_link_to_main(self) -> None:
        html = self.client.get("/").content.decode()
        self.assertRegex(html, r'<a class="skip-link" href="#main">')
        self.assertIn('<main id="main"', html)
        self.assertLess(html.index("skip-link"), html.index("site-header"))

    def test_it_loads_the_stylesheet_and_script(self) -> None:
        html = self.client.get("/").content.decode()
        self.assertIn('href="/static/css/app.css"', html)
        self.assertIn('src="/static/js/app.js" defer', html)

    def test_it_links_the_product_name_and_navigation(self) -> None:
        html = self.client.get("/").content.decode()
        self.assertIn('<a href="/" class="site-header__name">izvedba</a>', html)
        for url in ("/plans/", "/organisations/", "/regions/", "/api/docs/"):
            with self.subTest(url=url):
                self.assertIn(f'href="{url}"', html)

    def test_it_marks_the_current_section(self) -> None:
        html = self.client.get("/plans/").content.decode()
        self.assertIn('href="/plans/" aria-current="page"', html)
        self.assertNotIn('href="/" aria-current', html)

    def test_it_renders_title_breadcrumbs_and_content_blocks(self) -> None:
        html = self.client.get("/plans/").content.decode()
        self.assertIn("<title>Page title – izvedba</title>", html)
        self.assertIn('<li aria-current="page">Crumb</li>', html)
        self.assertIn("<h1>Content</h1>", html)

    def test_it_renders_the_language_switch_as_links_back_to_the_page(self) -> None:
        html = self.client.get("/plans/?region=04").content.decode()
        switch = re.search(r'<nav class="lang-switch"[^>]*>(.*?)</nav>', html, re.S)
        assert switch is not None
        body = switch.group(1)
        self.assertIn('href="/jezik/sl/?next=/plans/%3Fregion%3D04" lang="sl" hreflang="sl" aria-current="true"', body)
        self.assertIn('href="/jezik/en/?next=/plans/%3Fregion%3D04" lang="en" hreflang="en">English</a>', body)
        self.assertNotIn("csrfmiddlewaretoken", html)

    def test_it_switches_to_english(self) -> None:
        response = self.client.get("/jezik/en/", {"next": "/plans/"})
        self.assertRedirects(response, "/plans/", fetch_redirect_response=False)
        html = self.client.get("/plans/").content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn('lang="en" hreflang="en" aria-current="true">English</a>', html)
        self.assertIn("Skip to main content", html)

    def test_it_shows_the_map_attribution(self) -> None:
        self.client.get("/jezik/en/", {"next": "/"})
        html = self.client.get("/").content.decode()
        self.assertIn("Register of Spatial Units (CC BY 4.0), simplified", html)

    def test_it_offers_a_login_link_to_anonymous_users(self) -> None:
        html = self.client.get("/plans/").content.decode()
        self.assertIn('href="/accounts/login/?next=/plans/"', html)
        self.assertNotIn('action="/accounts/logout/"', html)
        self.assertNotIn('href="/documents/upload/"', html)

    def test_it_offers_a_logout_post_form_to_users(self) -> None:
        user = get_user_model().objects.create_user("bojan", password=PASSWORD)
        self.client.force_login(user)
        html = self.client.get("/").content.decode()
        form = re.search(r'<form class="account" method="post" action="/accounts/logout/">(.*?)</form>', html, re.S)
        assert form is not None
        self.assertIn('name="csrfmiddlewaretoken"', form.group(1))
        self.assertIn('<button type="submit" class="link-button">', form.group(1))
        self.assertIn("bojan", form.group(1))
        self.assertIn('href="/documents/upload/"', html)
        self.assertNotIn('href="/accounts/login/', html)

    def test_it_logs_out_with_post(self) -> None:
        user = get_user_model().objects.create_user("bojan", password=PASSWORD)
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = client.get("/").content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token is not None
        response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token.group(1)})
        self.assertEqual(response.status_code, 302)
        self.assertNotIn("_auth_user_id", client.session)

    def test_it_links_staff_to_the_admin(self) -> None:
        user = get_user_model().objects.create_user("ana", password=PASSWORD, is_staff=True)
        self.client.force_login(user)
        self.assertContains(self.client.get("/"), 'href="/admin/"')

    def test_it_renders_messages_in_a_live_region(self) -> None:
        html = self.client.get("/message/").content.decode()
        region = re.search(r'<div class="messages" role="status" aria-live="polite"[^>]*>(.*?)</div>', html, re.S)
        assert region is not None
        self.assertIn('class="message message--error"', region.group(1))
        self.assertIn("The file could not be read.", region.group(1))

    def test_it_keeps_an_empty_live_region_without_messages(self) -> None:
        html = self.client.get("/").content.decode()
        self.assertIn('<div class="messages" role="status" aria-live="polite" data-messages></div>', html)

    def test_it_uses_each_id_once(self) -> None:
        user = get_user_model().objects.create_user("bojan", password=PASSWORD)
        self.client.force_login(user)
        html = self.client.get("/plans/").content.decode()
        duplicates = [i for i, n in ids_in(html).items() if n > 1]
        self.assertEqual(duplicates, [])


@override_settings(ROOT_URLCONF=__name__)
class LoginPageTests(TestCase):
    def test_it_labels_the_fields(self) -> None:
        html = self.client.get("/accounts/login/?next=/plans/").content.decode()
        self.assertIn('<label for="id_username">', html)
        self.assertIn('<label for="id_password">', html)
        self.assertIn('<input type="hidden" name="next" value="/plans/">', html)
        self.assertIn('name="csrfmiddlewaretoken"', html)
        self.assertNotIn("data-error-summary", html)

    def test_it_does_not_link_to_itself(self) -> None:
        html = self.client.get("/accounts/login/").content.decode()
        self.assertNotIn('href="/accounts/login/', html)

    def test_it_summarises_errors(self) -> None:
        response = self.client.post("/accounts/login/", {"username": "nobody", "password": "wrong"})
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('class="error-summary" tabindex="-1" aria-labelledby="error-summary-title"', html)
        self.assertIn('id="error-summary-title"', html)

    def test_it_links_field_errors_to_their_fields(self) -> None:
        html = self.client.post("/accounts/login/", {"username": "", "password": ""}).content.decode()
        self.assertIn('<a href="#id_username">', html)
        self.assertIn('<a href="#id_password">', html)
        self.assertIn('aria-invalid="true"', html)
        self.assertIn("field--error", html)

    def test_it_logs_in_and_redirects(self) -> None:
        get_user_model().objects.create_user("bojan", password=PASSWORD)
        response = self.client.post("/accounts/login/", {"username": "bojan", "password": PASSWORD, "next": "/plans/"})
        self.assertRedirects(response, "/plans/", fetch_redirect_response=False)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
class ErrorPageTests(TestCase):
    def test_it_renders_404_inside_the_layout(self) -> None:
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, 'class="skip-link"', status_code=404)
        self.assertContains(response, '<html lang="sl">', status_code=404)

    def test_it_renders_403_inside_the_layout(self) -> None:
        response = self.client.get("/forbidden/")
        self.assertEqual(response.status_code, 403)
        self.assertTemplateUsed(response, "403.html")
        self.assertContains(response, 'href="/accounts/login/?next=/forbidden/"', status_code=403)

    def test_it_renders_500_without_any_context(self) -> None:
        html = render_to_string("500.html")
        self.assertIn('<html lang="sl">', html)
        self.assertIn('<section lang="en">', html)
        self.assertNotIn("{%", html)

    def test_it_serves_500_for_unhandled_errors(self) -> None:
        client = Client(raise_request_exception=False)
        response = client.get("/broken/")
        self.assertEqual(response.status_code, 500)
        self.assertContains(response, "Server error", status_code=500)


class PaginationPartialTests(SimpleTestCase):
    def render_page(self, number: int) -> str:
        request = RequestFactory().get(f"/plans/?region=04&page={number}")
        page_obj = Paginator(range(250), 10).page(number)
        with translation.override("en"):
            return render_to_string("_partials/pagination.html", {"page_obj": page_obj}, request)

    def test_it_keeps_other_query_parameters(self) -> None:
        html = self.render_page(2)
        self.assertIn('href="?region=04&amp;page=1" rel="prev"', html)
        self.assertIn('href="?region=04&amp;page=3" rel="next"', html)
        self.assertIn('<li aria-current="page">Page 2 of 25</li>', html)

    def test_it_leaves_out_links_past_the_ends(self) -> None:
        self.assertNotIn('rel="prev"', self.render_page(1))
        self.assertNotIn('rel="next"', self.render_page(25))

    def test_it_renders_nothing_for_a_single_page(self) -> None:
        page_obj = Paginator(range(5), 10).page(1)
        html = render_to_string("_partials/pagination.html", {"page_obj": page_obj})
        self.assertEqual(html.strip(), "")
