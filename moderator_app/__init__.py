"""Moderator Workstation: review flagged microblog posts under the Beijing microblog provisions (2011)."""

__version__ = "0.1.0"
