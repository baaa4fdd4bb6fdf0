"""The dashboard as a person uses it, in headless Chromium against the real server."""

from __future__ import annotations

import shutil

import httpx
import pytest

pytest.importorskip("selenium", reason="browser tests need the selenium package (make install brings it)")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from serving import XSS_TITLE  # noqa: E402

WAIT = 30


def wait_for(driver, predicate, what: str):
    return WebDriverWait(driver, WAIT, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: predicate(d), message=f"timed out waiting for {what}")


def go(driver, server, fragment):
    """Open a view and wait until the page says it has finished drawing it."""
    driver.get(server.url + "/" + fragment)
    wait_for(driver, lambda d: d.execute_script(
        "return document.body.dataset.loaded !== undefined && document.body.dataset.loaded === (location.hash || '#/')"),
        f"the view {fragment}")


def api(server, path, **params):
    return httpx.get(server.url + path, params=params, timeout=60).json()


def css(driver, selector):
    return driver.find_elements(By.CSS_SELECTOR, selector)


def open_dashboard(driver, server, fragment="#/"):
    go(driver, server, fragment)
    wait_for(driver, lambda d: len(css(d, "#events-table tbody tr")) > 0, "the events table")


def test_dashboard_draws_timeline_map_network_and_lists(browser, web_server):
    open_dashboard(browser, web_server)
    counts = api(web_server, "/status")["data"]["counts"]
    assert f"{counts['articles']} articles" in browser.find_element(By.ID, "status").text
    assert len(css(browser, "#events-table tbody tr")) == min(50, counts["events"])
    assert len(css(browser, "#timeline rect.bar")) > 0
    assert len(css(browser, "#timeline-legend button")) > 0
    assert len(css(browser, "#network .node")) > 0
    assert len(css(browser, "#quotes-list li")) == min(50, counts["quotes"])
    assert len(css(browser, "#articles-list li")) == counts["articles"]
    wait_for(browser, lambda d: len(css(d, "#map circle.point")) > 0, "event points on the map")
    countries = css(browser, "#map path.country")
    if not countries:
        if shutil.which("npm") is None:
            pytest.skip("no country boundaries: npm is not installed, so `make install` could not build them")
        pytest.fail("no country boundaries on the map: run `make install` (npm run build) first")
    assert len(countries) > 100


def test_search_box_narrows_every_panel(browser, web_server):
    open_dashboard(browser, web_server)
    box = browser.find_element(By.ID, "f-q")
    box.clear()
    box.send_keys("Sudan")
    browser.find_element(By.ID, "f-apply").click()
    expected = api(web_server, "/events", q="Sudan")["meta"]["total"]
    assert expected > 0
    wait_for(browser, lambda d: "q=Sudan" in d.current_url
             and len(css(d, "#events-table tbody tr")) == expected, "the filtered events")
    titles = [a.text for a in css(browser, "#articles-list li a")]
    assert titles and all("Sudan" in t for t in titles)
    total_events = api(web_server, "/status")["data"]["counts"]["events"]
    assert expected < total_events


def test_clicking_a_type_in_the_legend_filters_events(browser, web_server):
    open_dashboard(browser, web_server)
    button = css(browser, "#timeline-legend button")[0]
    chosen = button.get_attribute("data-type")
    button.click()
    wait_for(browser, lambda d: f"type={chosen}" in d.current_url
             and {r.get_attribute("data-type") for r in css(d, "#events-table tbody tr")} == {chosen},
             "events of one type")


def test_opening_an_article_shows_its_facts_highlighted(browser, web_server):
    open_dashboard(browser, web_server)
    link = next(a for a in css(browser, "#articles-list li a") if "Putin" in a.text)
    title = link.text
    link.click()
    wait_for(browser, lambda d: d.find_element(By.ID, "article-title").text == title, "the article view")
    aid = browser.current_url.rsplit("/", 1)[-1]
    record = api(web_server, f"/articles/{aid}")["data"]
    text_el = browser.find_element(By.ID, "article-text")
    # every character of the article is on the page, in order, as text
    shown = browser.execute_script("return arguments[0].textContent", text_el)
    assert shown == record["article"]["text"]
    kinds = {el.get_attribute("data-kind") for el in css(browser, "#article-text .hl")}
    assert {"actor", "event"} <= {k for k in kinds}
    assert css(browser, "#article-text .hl-quote") and css(browser, "#article-text .hl-place")
    # an event trigger's highlight covers exactly its trigger
    event = next(e for e in record["events"] if e.get("trigger_span"))
    spans = [el for el in css(browser, "#article-text .hl-event")
             if f"event:{event['id']}" in el.get_attribute("data-facts").split()]
    s, e = event["trigger_span"]
    assert "".join(browser.execute_script("return arguments[0].textContent", el) for el in spans) == \
        record["article"]["text"][s:e]
    spans[0].click()
    panel = browser.find_element(By.ID, "fact-panel")
    wait_for(browser, lambda d: css(d, f'#fact-panel [data-fact="event:{event["id"]}"]'), "the clicked event's record")
    assert event["type"] in panel.text and f'"trigger": "{event["trigger"]}"' in panel.text


def test_markup_in_an_article_renders_as_text_and_never_runs(browser, web_server):
    arts = api(web_server, "/articles", q="Geneva over")["data"]
    assert len(arts) == 1
    record = api(web_server, f"/articles/{arts[0]['id']}")["data"]
    assert "<script>" in record["article"]["text"] and "onerror=" in record["article"]["text"]
    go(browser, web_server, f"#/article/{arts[0]['id']}")
    wait_for(browser, lambda d: d.find_element(By.ID, "article-title").text == XSS_TITLE, "the article title")
    text_el = browser.find_element(By.ID, "article-text")
    assert "<img src=x onerror=" in text_el.text and "<script>" in text_el.text
    assert browser.execute_script("return arguments[0].textContent", text_el) == record["article"]["text"]
    assert not css(browser, "#view-article img") and not css(browser, "#view-article script")
    assert not css(browser, "#view-article b")
    assert browser.execute_script("return window.__xss === undefined")
    # the dashboard lists show the markup as text too
    go(browser, web_server, "#/?q=Geneva%20over")
    wait_for(browser, lambda d: any("<script>" in a.text for a in css(d, "#articles-list a")), "the listed title")
    assert not css(browser, "#articles-list script") and browser.execute_script("return window.__xss === undefined")


def test_dyad_view_shows_counts_and_balance(browser, web_server):
    events = api(web_server, "/events", limit=500)["data"]
    a, b = next((e["source_country"], e["target_country"]) for e in events
                if e["source_country"] and e["target_country"] and e["source_country"] != e["target_country"])
    data = api(web_server, "/dyads", a=a, b=b)["data"]
    go(browser, web_server, f"#/dyad?a={a}&b={b}")
    wait_for(browser, lambda d: len(css(d, "#dyad-table tbody tr")) == len(data["periods"]) > 0, "the dyad table")
    summary = browser.find_element(By.ID, "dyad-summary").text
    t = data["totals"]
    assert f"{t['events']} event(s)" in summary and f"{t['a_to_b']} {a}→{b}" in summary
    assert len(css(browser, "#dyad-chart rect.coop")) == len(data["periods"])
    assert len(css(browser, "#dyad-events tbody tr")) == len(api(web_server, "/events", dyad=f"{a}-{b}")["data"])


def test_page_loads_nothing_from_outside_the_server(browser, web_server):
    open_dashboard(browser, web_server)
    urls = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(web_server.url + "/") for u in urls), urls
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
