"""Each sandbox rule, proven with a hostile page."""

import pytest

from bench_scoring.browser import CHART_URL

from .conftest import Session
from .support import browser_missing

pytestmark = pytest.mark.skipif(browser_missing() is not None, reason=str(browser_missing()))

SVG = '<svg width="200" height="100"><rect x="10" y="10" width="40" height="80"/></svg>'


def page(script: str, body: str = SVG) -> str:
    return f"<!DOCTYPE html><html><body>{body}<script>{script}</script></body></html>"


def test_fetch_xhr_and_img_to_an_outside_address_are_blocked_and_recorded(
    session: Session, outside: tuple[str, list[str]]
) -> None:
    base, hits = outside
    html = page(
        f"""
        fetch('{base}/fetch').catch(() => {{}});
        const x = new XMLHttpRequest(); x.open('GET', '{base}/xhr'); x.send();
        navigator.sendBeacon('{base}/beacon', 'secret');
        new Image().src = 'https://example.com/pixel.png';
        """,
        body=f'{SVG}<img src="{base}/img.png"><link rel="stylesheet" href="{base}/s.css">',
    )
    rendering = session.run(session.browser.render(html))
    for path in ("/fetch", "/xhr", "/img.png", "/s.css"):
        assert f"{base}{path}" in rendering.blocked
    assert "https://example.com/pixel.png" in rendering.blocked
    assert hits == []
    assert not rendering.timed_out


def test_window_open_and_blank_links_open_no_page(
    session: Session, outside: tuple[str, list[str]]
) -> None:
    base, hits = outside
    html = page(
        f"""
        window.open('{base}/popup');
        const a = document.createElement('a');
        a.href = '{base}/blank'; a.target = '_blank'; document.body.append(a); a.click();
        """
    )
    rendering = session.run(session.browser.render(html))
    assert rendering.popups >= 1
    assert hits == []
    assert not rendering.timed_out


def test_an_alert_loop_is_dismissed_without_stalling(session: Session) -> None:
    html = page("for (let i = 0; i < 100000; i++) { alert(i); confirm('sure?'); }")
    rendering = session.run(session.browser.render(html))
    assert rendering.dialogs == 200_000
    assert not rendering.timed_out
    assert rendering.elapsed_s < 3.0


def test_a_heap_bomb_crashes_only_its_own_page(session: Session) -> None:
    html = page("const a = []; while (true) a.push(new Array(1e6).fill(1));")
    rendering = session.run(session.browser.render(html))
    assert rendering.crashed or rendering.timed_out
    after = session.run(session.browser.render(page("")))
    assert after.errors == []
    assert "<rect" in after.svg


def test_an_endless_loop_is_ended_by_the_time_limit_and_the_browser_goes_on(
    session: Session,
) -> None:
    rendering = session.run(session.browser.render(page("while (true) {}")))
    assert rendering.timed_out
    assert rendering.elapsed_s < 4.0 + 6.0
    after = session.run(session.browser.render(page("")))
    assert not after.timed_out
    assert after.errors == []
    assert "<rect" in after.svg


def test_a_50_mb_dom_is_bounded(session: Session) -> None:
    html = page("document.body.innerHTML = '<i>x</i>'.repeat(6500000);")
    rendering = session.run(session.browser.render(html))
    assert rendering.timed_out or rendering.crashed or rendering.nodes > 50_000
    assert len(rendering.text) <= 500_000
    assert rendering.elapsed_s < 4.0 + 6.0
    after = session.run(session.browser.render(page("")))
    assert not after.timed_out
    assert "<rect" in after.svg


def test_navigation_to_a_file_url_or_away_is_refused(session: Session) -> None:
    for target in ("file:///etc/passwd", "https://example.com/"):
        html = page(f"location = '{target}';")
        rendering = session.run(session.browser.render(html, screenshot=None))
        assert target in rendering.blocked
        assert "root:" not in rendering.text
        assert "<rect" in rendering.svg, target
    iframe = page("", body=f'{SVG}<iframe src="file:///etc/passwd"></iframe>')
    rendering = session.run(session.browser.render(iframe))
    assert "file:///etc/passwd" in rendering.blocked
    assert "root:" not in rendering.text


def test_reloading_the_chart_is_refused(session: Session) -> None:
    rendering = session.run(session.browser.render(page("setTimeout(() => location.reload())")))
    assert CHART_URL in rendering.blocked or not rendering.timed_out


def test_a_download_neither_stalls_nor_replaces_the_chart(session: Session) -> None:
    html = page(
        """
        const a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob(['data'])); a.download = 'x.txt';
        document.body.append(a); a.click();
        """
    )
    rendering = session.run(session.browser.render(html))
    assert not rendering.timed_out
    assert "<rect" in rendering.svg


def test_a_page_cannot_replace_the_readers_kept_before_its_scripts(session: Session) -> None:
    html = page(
        """
        for (const name of ['__benchNative', '__benchVega', '__benchCounts']) {
          try { window[name] = null; } catch (e) {}
          try { delete window[name]; } catch (e) {}
          try { Object.defineProperty(window, name, { value: null }); } catch (e) {}
        }
        window.vega = 42; window.vegaEmbed = 'not a function';
        document.querySelector('rect').style.fill = 'rgb(1, 2, 3)';
        """
    )
    rendering = session.run(session.browser.render(html, interactions=("zoom",)))
    assert not any(e.startswith("the browser failed") for e in rendering.errors), rendering.errors
    assert rendering.styles is not None
    assert "rgb(1, 2, 3)" in rendering.styles.colors
    assert [c.kind for c in rendering.checks] == ["zoom"]
