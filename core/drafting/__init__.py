"""Drafting procuratorial suggestions (检察建议书) and transfer letters from Word templates.

Importing this package is cheap: python-docx and docxtpl load only when a draft is rendered.
"""
