"""AfterDesk (售后台): the after-sales back office for online shops."""

__version__ = "0.1.0"
APP_NAME = "AfterDesk"
