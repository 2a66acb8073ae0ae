"""Exports of a validated `Course` to formats other tools import; each module is a pure function API."""
