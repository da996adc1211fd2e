"""Short codes read in a row of codes of the same kind set right (Q1 Q2 Q3 Q4, T1 … T4, M1 … M12, S1 … S4):
OCR mistakes a digit of a short bold code for a letter of the same shape (`Ql`, `TI`, `Ta`), the letter for a
digit (`73`), or drops the letter (`4`). A word is set right only beside at least two codes read whole with the
same letter on its row, and only into a code of that letter."""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.ocr.tesseract import OcrWord

CODE = re.compile(r"^([A-Z])(\d{1,2})$")
# Characters OCR reads for a digit in a short code, and the digit.
AS_DIGIT = str.maketrans(
    {
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "!": "1",
        "Z": "2",
        "z": "2",
        "a": "4",
        "A": "4",
        "S": "5",
        "s": "5",
        "O": "0",
        "o": "0",
        "B": "8",
        "G": "6",
        "g": "9",
    }
)
# Digits OCR reads for the letter of a code.
AS_LETTER = {"7": "T", "0": "Q", "9": "Q", "5": "S"}
# Codes read whole with one letter on a row that tell the row is a row of codes.
MIN_CODES = 2
MAX_CODE_LENGTH = 3


def harmonise_codes(words: list[OcrWord]) -> list[OcrWord]:
    """The words with the short codes of each row of codes set right."""
    fixed = list(words)
    for index, word in enumerate(words):
        if CODE.match(word.text) or len(word.text) > MAX_CODE_LENGTH:
            continue
        letter = row_letter(word, words)
        if letter is not None:
            code = as_code(word.text, letter)
            if code is not None:
                fixed[index] = replace(word, text=code)
    return fixed


def row_letter(word: OcrWord, words: list[OcrWord]) -> str | None:
    """The letter of the codes read whole on the word's row (their middles within its height), when at least
    two share one."""
    middle = word.top + word.height / 2
    letters = [
        match.group(1)
        for other in words
        if other is not word and (match := CODE.match(other.text)) and other.top <= middle <= other.top + other.height
    ]
    common = max(set(letters), key=letters.count, default=None)
    return common if common is not None and letters.count(common) >= MIN_CODES else None


def as_code(text: str, letter: str) -> str | None:
    """A short word as a code of `letter`, when it reads as one; None otherwise."""
    if text.isdigit() and len(text) <= 2 and not text.startswith("0"):
        if len(text) == 2 and AS_LETTER.get(text[0]) == letter:
            return letter + text[1]
        return letter + text if len(text) == 1 else None
    if text[0] == letter and len(text) > 1:
        digits = text[1:].translate(AS_DIGIT)
        return letter + digits if digits.isdigit() else None
    return None
