"""The donate page's formatting: BE68539007547034 as BE68 5390 0754 7034."""

from django import template

from membership.donations import format_iban

register = template.Library()
register.filter("iban_format", format_iban)
