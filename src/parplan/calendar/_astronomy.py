"""The astronomy the lunar calendar needs: new moons, the sun's apparent longitude and ΔT.

Everything here follows Jean Meeus, *Astronomical Algorithms* (2nd ed., 1998):

- new moons by the full series of chapter 49 (the periodic terms and the
  fourteen planetary arguments), within about 20 seconds of the JPL ephemeris
  DE421 over 1900-2053;
- the sun's apparent longitude from the Earth's heliocentric coordinates of
  VSOP87 (Bretagnon and Francou, 1988) truncated as in Meeus's appendix III,
  converted to the FK5 frame (chapter 32), with nutation in longitude (the
  IAU 1980 series down to 0.001", chapter 22) and aberration (chapter 25),
  within about 1" (20 seconds of time) of DE421;
- ΔT, the difference between the uniform time of those theories (TT) and
  the time clocks keep (UT), by the polynomials of Espenak and Meeus (2006)
  fitted to the observed values up to 2005 and extrapolated after: what
  the calendar of a future year depends on, since the Earth's rotation
  cannot be predicted exactly.

Times are Julian days (TT for the theories, UT for the calendar); angles are
radians. Nothing here is public: :mod:`parplan.calendar.lunar` builds the
calendar on it.
"""

from __future__ import annotations

import math
from typing import Final

__all__ = ["delta_t", "new_moon", "solar_term", "sun_longitude"]

_DEGREE: Final = math.pi / 180
_ARCSECOND: Final = _DEGREE / 3600
_J2000: Final = 2451545.0

# --- ΔT --------------------------------------------------------------------------------------


def delta_t(jd: float) -> float:
    """ΔT = TT - UT in days at Julian day ``jd``, by the polynomials of Espenak and Meeus (2006)."""
    y = 2000 + (jd - _J2000) / 365.25
    if y < 1920:
        t = y - 1900
        seconds = -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    elif y < 1941:
        t = y - 1920
        seconds = 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    elif y < 1961:
        t = y - 1950
        seconds = 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    elif y < 1986:
        t = y - 1975
        seconds = 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    elif y < 2005:
        t = y - 2000
        seconds = 63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3 + 0.000651814 * t**4 + 0.00002373599 * t**5
    elif y < 2050:
        t = y - 2000
        seconds = 62.92 + 0.32217 * t + 0.005589 * t**2
    elif y < 2150:
        seconds = -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
    else:
        seconds = -20 + 32 * ((y - 1820) / 100) ** 2
    return seconds / 86400


# --- new moons (Meeus, chapter 49) -------------------------------------------------------------

_NEW_MOON_PLANETARY: Final = (
    # (A0 in degrees, degrees per lunation, coefficient in days); the first also has -0.009173 T²
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def new_moon(k: int) -> float:
    """The Julian day (TT) of new moon number ``k``; ``k = 0`` is the new moon of 6 January 2000."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    t4 = t3 * t
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4
    e = 1 - 0.002516 * t - 0.0000074 * t2
    m = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * _DEGREE
    mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * _DEGREE
    f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * _DEGREE
    omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * _DEGREE
    sin = math.sin
    jde += (
        -0.40720 * sin(mp)
        + 0.17241 * e * sin(m)
        + 0.01608 * sin(2 * mp)
        + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m)
        - 0.00514 * e * sin(mp + m)
        + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f)
        - 0.00057 * sin(mp + 2 * f)
        + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp)
        + 0.00042 * e * sin(m + 2 * f)
        + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m)
        - 0.00017 * sin(omega)
        - 0.00007 * sin(mp + 2 * m)
        + 0.00004 * sin(2 * mp - 2 * f)
        + 0.00004 * sin(3 * m)
        + 0.00003 * sin(mp + m - 2 * f)
        + 0.00003 * sin(2 * mp + 2 * f)
        - 0.00003 * sin(mp + m + 2 * f)
        + 0.00003 * sin(mp - m + 2 * f)
        - 0.00002 * sin(mp - m - 2 * f)
        - 0.00002 * sin(3 * mp + m)
        + 0.00002 * sin(4 * mp)
    )
    for i, (a0, rate, coefficient) in enumerate(_NEW_MOON_PLANETARY):
        argument = a0 + rate * k - (0.009173 * t2 if i == 0 else 0.0)
        jde += coefficient * sin(argument * _DEGREE)
    return jde


# --- the sun (VSOP87 truncated, Meeus appendix III; chapters 22, 25 and 32) -----------------------

_Series = tuple[tuple[float, float, float], ...]
"""Terms A·cos(B + C·τ): A in 1e-8 radians, B in radians, C in radians per Julian millennium."""

_L0: Final[_Series] = (
    (175347046, 0, 0),
    (3341656, 4.6692568, 6283.07585),
    (34894, 4.6261, 12566.1517),
    (3497, 2.7441, 5753.3849),
    (3418, 2.8289, 3.5231),
    (3136, 3.6277, 77713.7715),
    (2676, 4.4181, 7860.4194),
    (2343, 6.1352, 3930.2097),
    (1324, 0.7425, 11506.7698),
    (1273, 2.0371, 529.691),
    (1199, 1.1096, 1577.3435),
    (990, 5.233, 5884.927),
    (902, 2.045, 26.298),
    (857, 3.508, 398.149),
    (780, 1.179, 5223.694),
    (753, 2.533, 5507.553),
    (505, 4.583, 18849.228),
    (492, 4.205, 775.523),
    (357, 2.92, 0.067),
    (317, 5.849, 11790.629),
    (284, 1.899, 796.298),
    (271, 0.315, 10977.079),
    (243, 0.345, 5486.778),
    (206, 4.806, 2544.314),
    (205, 1.869, 5573.143),
    (202, 2.458, 6069.777),
    (156, 0.833, 213.299),
    (132, 3.411, 2942.463),
    (126, 1.083, 20.775),
    (115, 0.645, 0.98),
    (103, 0.636, 4694.003),
    (102, 0.976, 15720.839),
    (102, 4.267, 7.114),
    (99, 6.21, 2146.17),
    (98, 0.68, 155.42),
    (86, 5.98, 161000.69),
    (85, 1.3, 6275.96),
    (85, 3.67, 71430.7),
    (80, 1.81, 17260.15),
    (79, 3.04, 12036.46),
    (75, 1.76, 5088.63),
    (74, 3.5, 3154.69),
    (74, 4.68, 801.82),
    (70, 0.83, 9437.76),
    (62, 3.98, 8827.39),
    (61, 1.82, 7084.9),
    (57, 2.78, 6286.6),
    (56, 4.39, 14143.5),
    (56, 3.47, 6279.55),
    (52, 0.19, 12139.55),
    (52, 1.33, 1748.02),
    (51, 0.28, 5856.48),
    (49, 0.49, 1194.45),
    (41, 5.37, 8429.24),
    (41, 2.4, 19651.05),
    (39, 6.17, 10447.39),
    (37, 6.04, 10213.29),
    (37, 2.57, 1059.38),
    (36, 1.71, 2352.87),
    (36, 1.78, 6812.77),
    (33, 0.59, 17789.85),
    (30, 0.44, 83996.85),
    (30, 2.74, 1349.87),
    (25, 3.16, 4690.48),
)
_L1: Final[_Series] = (
    (628331966747, 0, 0),
    (206059, 2.678235, 6283.07585),
    (4303, 2.6351, 12566.1517),
    (425, 1.59, 3.523),
    (119, 5.796, 26.298),
    (109, 2.966, 1577.344),
    (93, 2.59, 18849.23),
    (72, 1.14, 529.69),
    (68, 1.87, 398.15),
    (67, 4.41, 5507.55),
    (59, 2.89, 5223.69),
    (56, 2.17, 155.42),
    (45, 0.4, 796.3),
    (36, 0.47, 775.52),
    (29, 2.65, 7.11),
    (21, 5.34, 0.98),
    (19, 1.85, 5486.78),
    (19, 4.97, 213.3),
    (17, 2.99, 6275.96),
    (16, 0.03, 2544.31),
    (16, 1.43, 2146.17),
    (15, 1.21, 10977.08),
    (12, 2.83, 1748.02),
    (12, 3.26, 5088.63),
    (12, 5.27, 1194.45),
    (12, 2.08, 4694.0),
    (11, 0.77, 553.57),
    (10, 1.3, 6286.6),
    (10, 4.24, 1349.87),
    (9, 2.7, 242.73),
    (9, 5.64, 951.72),
    (8, 5.3, 2352.87),
    (6, 2.65, 9437.76),
    (6, 4.67, 4690.48),
)
_L2: Final[_Series] = (
    (52919, 0, 0),
    (8720, 1.0721, 6283.0758),
    (309, 0.867, 12566.152),
    (27, 0.05, 3.52),
    (16, 5.19, 26.3),
    (16, 3.68, 155.42),
    (10, 0.76, 18849.23),
    (9, 2.06, 77713.77),
    (7, 0.83, 775.52),
    (5, 4.66, 1577.34),
    (4, 1.03, 7.11),
    (4, 3.44, 5573.14),
    (3, 5.14, 796.3),
    (3, 6.05, 5507.55),
    (3, 1.19, 242.73),
    (3, 6.12, 529.69),
    (3, 0.31, 398.15),
    (3, 2.28, 553.57),
    (2, 4.38, 5223.69),
    (2, 3.75, 0.98),
)
_L3: Final[_Series] = (
    (289, 5.844, 6283.076),
    (35, 0, 0),
    (17, 5.49, 12566.15),
    (3, 5.2, 155.42),
    (1, 4.72, 3.52),
    (1, 5.3, 18849.23),
    (1, 5.97, 242.73),
)
_L4: Final[_Series] = ((114, 3.142, 0), (8, 4.13, 6283.08), (1, 3.84, 12566.15))
_L5: Final[_Series] = ((1, 3.14, 0),)
_B0: Final[_Series] = (
    (280, 3.199, 84334.662),
    (102, 5.422, 5507.553),
    (80, 3.88, 5223.69),
    (44, 3.7, 2352.87),
    (32, 4.0, 1577.34),
)
_B1: Final[_Series] = ((9, 3.9, 5507.55), (6, 1.73, 5223.69))
_R0: Final[_Series] = ((100013989, 0, 0), (1670700, 3.0984635, 6283.07585), (13956, 3.05525, 12566.1517))
"""Enough of the distance for the aberration (0.3" of it per 1% of distance)."""

_NUTATION: Final = (
    # multiples of D, M, M', F, Ω; coefficient of sin in 0.0001"; its change per century
    (0, 0, 0, 0, 1, -171996, -174.2),
    (-2, 0, 0, 2, 2, -13187, -1.6),
    (0, 0, 0, 2, 2, -2274, -0.2),
    (0, 0, 0, 0, 2, 2062, 0.2),
    (0, 1, 0, 0, 0, 1426, -3.4),
    (0, 0, 1, 0, 0, 712, 0.1),
    (-2, 1, 0, 2, 2, -517, 1.2),
    (0, 0, 0, 2, 1, -386, -0.4),
    (0, 0, 1, 2, 2, -301, 0),
    (-2, -1, 0, 2, 2, 217, -0.5),
    (-2, 0, 1, 0, 0, -158, 0),
    (-2, 0, 0, 2, 1, 129, 0.1),
    (0, 0, -1, 2, 2, 123, 0),
    (2, 0, 0, 0, 0, 63, 0),
    (0, 0, 1, 0, 1, 63, 0.1),
    (2, 0, -1, 2, 2, -59, 0),
    (0, 0, -1, 0, 1, -58, -0.1),
    (0, 0, 1, 2, 1, -51, 0),
    (-2, 0, 2, 0, 0, 48, 0),
    (0, 0, -2, 2, 1, 46, 0),
    (2, 0, 0, 2, 2, -38, 0),
    (0, 0, 2, 2, 2, -31, 0),
    (0, 0, 2, 0, 0, 29, 0),
    (-2, 0, 1, 2, 2, 29, 0),
    (0, 0, 0, 2, 0, 26, 0),
    (-2, 0, 0, 2, 0, -22, 0),
    (0, 0, -1, 2, 1, 21, 0),
    (0, 2, 0, 0, 0, 17, -0.1),
    (2, 0, -1, 0, 1, 16, 0),
    (-2, 2, 0, 2, 2, -16, 0.1),
    (0, 1, 0, 0, 1, -15, 0),
    (-2, 0, 1, 0, 1, -13, 0),
    (0, -1, 0, 0, 1, -12, 0),
    (0, 0, 2, -2, 0, 11, 0),
    (2, 0, -1, 2, 1, -10, 0),
)


def _series(terms: _Series, tau: float) -> float:
    cos = math.cos
    return sum(a * cos(b + c * tau) for a, b, c in terms)


def _nutation_in_longitude(t: float) -> float:
    """Δψ in radians, ``t`` in Julian centuries (TT) from J2000."""
    d = (297.85036 + 445267.111480 * t - 0.0019142 * t * t) * _DEGREE
    m = (357.52772 + 35999.050340 * t - 0.0001603 * t * t) * _DEGREE
    mp = (134.96298 + 477198.867398 * t + 0.0086972 * t * t) * _DEGREE
    f = (93.27191 + 483202.017538 * t - 0.0036825 * t * t) * _DEGREE
    omega = (125.04452 - 1934.136261 * t + 0.0020708 * t * t) * _DEGREE
    sin = math.sin
    total = sum(
        (coefficient + change * t) * sin(i * d + j * m + k * mp + n * f + o * omega)
        for i, j, k, n, o, coefficient, change in _NUTATION
    )
    return total * 0.0001 * _ARCSECOND


def _rough_sun_longitude(jde: float) -> float:
    """The sun's apparent longitude by Meeus's short formula (chapter 25), within 0.01°: 0 to 2π."""
    t = (jde - _J2000) / 36525
    mean = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    anomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * _DEGREE
    centre = (
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * math.sin(anomaly)
        + (0.019993 - 0.000101 * t) * math.sin(2 * anomaly)
        + 0.000289 * math.sin(3 * anomaly)
    )
    omega = (125.04 - 1934.136 * t) * _DEGREE
    return ((mean + centre - 0.00569 - 0.00478 * math.sin(omega)) % 360) * _DEGREE


_ROUGH_MARGIN: Final = 0.1 * _DEGREE
"""How far from a multiple of 30° the short formula must put the sun for its sign to be taken: ten times its error."""
_SIGN: Final = math.pi / 6


def solar_term(jde: float) -> int:
    """Which twelfth of the ecliptic, 0 (0° to 30°) to 11, the sun is in at ``jde`` (TT).

    The short formula decides when the sun is more than 0.1° (about two and a
    half hours) from a boundary; closer, the full theory does.
    """
    rough = _rough_sun_longitude(jde)
    nearest = round(rough / _SIGN) * _SIGN
    if abs(rough - nearest) > _ROUGH_MARGIN:
        return math.floor(rough / _SIGN) % 12
    return math.floor(sun_longitude(jde) / _SIGN) % 12


def sun_longitude(jde: float) -> float:
    """The sun's apparent geocentric longitude, referred to the true equinox of date, at ``jde`` (TT): 0 to 2π."""
    tau = (jde - _J2000) / 365250
    longitude = (
        _series(_L0, tau)
        + tau
        * (
            _series(_L1, tau)
            + tau
            * (_series(_L2, tau) + tau * (_series(_L3, tau) + tau * (_series(_L4, tau) + tau * _series(_L5, tau))))
        )
    ) * 1e-8 + math.pi
    latitude = -(_series(_B0, tau) + tau * _series(_B1, tau)) * 1e-8
    distance = _series(_R0, tau) * 1e-8
    t = tau * 10
    shifted = longitude - (1.397 * t + 0.00031 * t * t) * _DEGREE
    longitude += (-0.09033 + 0.03916 * (math.cos(shifted) + math.sin(shifted)) * math.tan(latitude)) * _ARCSECOND
    longitude += _nutation_in_longitude(t) - 20.4898 * _ARCSECOND / distance
    return longitude % (2 * math.pi)
