"""园区动态 · Park News Digest: newspaper pages about China's science parks to a website."""

__version__ = "0.1.0"
