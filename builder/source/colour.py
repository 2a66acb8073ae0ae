"""Colours as CSS writes them (#rrggbb) and the contrast between two of them, as WCAG 2.2 measures it.

A brand colour that fails is answered with the nearest shade that passes: the same hue and saturation,
lighter or darker only as far as it must go (HSL lightness, in which a colour's luminance only grows), so
the suggestion still looks like the organisation's colour.
"""

from __future__ import annotations

import colorsys
import math
import re
from dataclasses import dataclass

_HEX = re.compile(r"#(?P<digits>[0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


@dataclass(frozen=True, slots=True)
class Colour:
    """An sRGB colour, each channel 0-255."""

    red: int
    green: int
    blue: int

    @classmethod
    def parse(cls, text: str) -> Colour | None:
        """#rrggbb or #rgb (any case), else None."""
        match = _HEX.fullmatch(text.strip())
        if match is None:
            return None
        digits = match.group("digits")
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        return cls(int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))

    @classmethod
    def from_hex(cls, text: str) -> Colour:
        """A colour written in code (#rrggbb); ValueError when it is not one."""
        colour = cls.parse(text)
        if colour is None:
            raise ValueError(f"not a #rrggbb colour: {text!r}")
        return colour

    @classmethod
    def from_hsl(cls, hue: float, saturation: float, lightness: float) -> Colour:
        """Hue in degrees, saturation and lightness from 0 to 1 (as CSS's hsl())."""
        red, green, blue = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
        return cls(round(red * 255), round(green * 255), round(blue * 255))

    @property
    def hex(self) -> str:
        return f"#{self.red:02x}{self.green:02x}{self.blue:02x}"

    @property
    def luminance(self) -> float:
        """Relative luminance (WCAG 2.2), from 0 for black to 1 for white."""

        def linear(channel: int) -> float:
            value = channel / 255
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)

    def with_lightness(self, lightness: float) -> Colour:
        """This colour's hue and saturation at another HSL lightness (0 to 1)."""
        hue, _, saturation = colorsys.rgb_to_hls(self.red / 255, self.green / 255, self.blue / 255)
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, saturation)
        return Colour(round(red * 255), round(green * 255), round(blue * 255))

    @property
    def lightness(self) -> float:
        return colorsys.rgb_to_hls(self.red / 255, self.green / 255, self.blue / 255)[1]

    def mixed(self, other: Colour, share: float) -> Colour:
        """`share` of `other` mixed into this colour (0: this colour, 1: the other)."""
        return Colour(
            round(self.red + (other.red - self.red) * share),
            round(self.green + (other.green - self.green) * share),
            round(self.blue + (other.blue - self.blue) * share),
        )


WHITE = Colour(255, 255, 255)
BLACK = Colour(0, 0, 0)


def contrast(first: Colour, second: Colour) -> float:
    """WCAG 2.2's contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((first.luminance, second.luminance), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def ratio_text(ratio: float) -> str:
    """A ratio as trainers read it, never rounded up to a pass: 4.4999 is "4.49:1", not "4.50:1"."""
    return f"{math.floor(ratio * 100) / 100:.2f}:1"


def darkest_passing(colour: Colour, against: Colour, ratio: float) -> Colour | None:
    """The lightest shade of `colour` at or darker than it with at least `ratio` against the lighter
    `against` (white text on a brand colour); `colour` itself when it passes, None when even black fails."""
    return _nearest_shade(colour, against, ratio, darker=True)


def lightest_passing(colour: Colour, against: Colour, ratio: float) -> Colour | None:
    """The darkest shade of `colour` at or lighter than it with at least `ratio` against the darker
    `against` (brand-coloured text on a dark page); `colour` itself when it passes, None when even white fails."""
    return _nearest_shade(colour, against, ratio, darker=False)


def _nearest_shade(colour: Colour, against: Colour, ratio: float, *, darker: bool) -> Colour | None:
    def passes(shade: Colour) -> bool:
        beyond = shade.luminance < against.luminance if darker else shade.luminance > against.luminance
        return beyond and contrast(shade, against) >= ratio

    if passes(colour):
        return colour
    start = colour.lightness
    near, far = start, (0.0 if darker else 1.0)
    if not passes(colour.with_lightness(far)):
        return None
    for _ in range(40):  # luminance grows with lightness at a fixed hue and saturation: halve the gap
        middle = (near + far) / 2
        if passes(colour.with_lightness(middle)):
            far = middle
        else:
            near = middle
    shade = colour.with_lightness(far)
    step = -1 / 255 if darker else 1 / 255
    while not passes(shade):  # rounding to whole channels can land a hair short
        far = min(1.0, max(0.0, far + step))
        shade = colour.with_lightness(far)
    return shade
