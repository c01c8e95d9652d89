"""StreamField data in the shapes of courses/blocks.py, for writing demo lessons compactly."""


def heading(text: str, size: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "size": size}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def callout(kind: str, title: str, html: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": html}}


def single(question: str, choices: list[tuple[str, bool]], correct: str = "", incorrect: str = "") -> dict:
    return {
        "type": "single_choice",
        "value": {
            "question": question,
            "choices": [{"text": text, "is_correct": ok} for text, ok in choices],
            "feedback_correct": correct,
            "feedback_incorrect": incorrect,
        },
    }


def multiple(question: str, choices: list[tuple[str, bool]], correct: str = "", incorrect: str = "") -> dict:
    block = single(question, choices, correct, incorrect)
    block["type"] = "multiple_choice"
    return block


def true_false(question: str, answer: bool, correct: str = "", incorrect: str = "") -> dict:
    return {
        "type": "true_false",
        "value": {
            "question": question,
            "answer": "benar" if answer else "salah",
            "feedback_correct": correct,
            "feedback_incorrect": incorrect,
        },
    }


# --- The courses -------------------------------------------------------------------------------
