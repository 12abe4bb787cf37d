"""factcheck: check the numbers in news articles against China customs export data."""

__version__ = "0.1.0"
