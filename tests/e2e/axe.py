"""axe-core in the browser tests: run it on a page and keep what a screen-reader or low-vision
user would be blocked by (impact "serious" or "critical").

axe-core is an npm dev dependency (package.json); ``make install-dev`` installs it into
node_modules/. The pages' Content-Security-Policy allows no inline script, so the pages checked
must come from a context opened with ``bypass_csp=True`` for the injected script to run.
"""

from pathlib import Path

import pytest

from .conftest import REPO

AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
SHOWN_TARGETS = 3

RUN_AXE = """async (exclude) => {
    const context = exclude.length ? {include: [document], exclude: exclude.map((selector) => [selector])} : document;
    const results = await axe.run(context, {resultTypes: ["violations"]});
    return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.flat().join(" >>> ")),
    }));
}"""


# Two rules of the project that axe-core leaves to a person (its own checks pass a data table
# without either): every data table names itself with a <caption>, and every header cell says
# with `scope` whether it heads a column or a row.
TABLE_RULES = """() => {
    const describe = (element) => {
        const testid = element.getAttribute("data-testid");
        const classes = [...element.classList].map((name) => "." + name).join("");
        return element.tagName.toLowerCase() + (testid ? `[data-testid="${testid}"]` : classes);
    };
    const tables = [...document.querySelectorAll("table")].filter(
        (table) => !["presentation", "none"].includes(table.getAttribute("role"))
    );
    const uncaptioned = tables.filter((table) => !table.querySelector(":scope > caption"));
    const unscoped = tables.flatMap((table) => [...table.querySelectorAll("th:not([scope])")]);
    return [
        {id: "table-caption", help: "Data tables must have a <caption>", targets: uncaptioned.map(describe)},
        {id: "th-scope", help: "Table header cells must have scope=col or scope=row", targets: unscoped.map(
            (th) => describe(th.closest("table")) + " th:" + JSON.stringify(th.textContent.trim().slice(0, 30))
        )},
    ].filter((rule) => rule.targets.length).map((rule) => ({...rule, impact: "serious", helpUrl: "project rule"}));
}"""


def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(REPO)} is missing: run `make install-dev` (npm ci) first")
    return AXE_SCRIPT


def serious_violations(page, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    """The serious and critical axe-core violations on the page as it is now, and the tables that
    break TABLE_RULES.

    ``exclude`` takes CSS selectors of regions that are not ours to fix (Wagtail's own chrome);
    it applies to axe-core's rules.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script()))
    violations = page.evaluate(RUN_AXE, list(exclude)) + page.evaluate(TABLE_RULES)
    return [violation for violation in violations if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    """One line per rule: id, impact, the first few targets, and axe's help text."""
    lines = []
    for violation in violations:
        targets = violation["targets"]
        shown = ", ".join(targets[:SHOWN_TARGETS])
        more = f" (+{len(targets) - SHOWN_TARGETS} more)" if len(targets) > SHOWN_TARGETS else ""
        rule = f"{violation['id']} [{violation['impact']}]"
        lines.append(f"  {rule} at {shown}{more}: {violation['help']} ({violation['helpUrl']})")
    return "\n".join(lines)


def check_pages(page, urls: dict[str, str], *, exclude: tuple[str, ...] = ()) -> dict[str, str]:
    """Open each named URL and run axe-core; the problems found, by page name."""
    problems = {}
    for name, url in urls.items():
        response = page.goto(url)
        assert response is not None and response.ok, f"{name}: {url} answered {response and response.status}"
        page.wait_for_load_state("load")
        found = serious_violations(page, exclude=exclude)
        if found:
            problems[name] = f"{name} ({url}):\n{describe(found)}"
    return problems


def assert_accessible(problems: dict[str, str]) -> None:
    assert not problems, "serious or critical accessibility violations:\n" + "\n".join(problems.values())
