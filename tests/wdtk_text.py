"""Pieces of WhatDoTheyKnow page text shared by tests that build threads inline."""

FOOTER = (
    "We work to defend the right to FOI for everyone\n"
    "Help us protect your right to hold public authorities to account. Donate and support our work.\n"
    "Donate Now\n"
)
ICO = (
    "If you are unhappy with this response you may ask for an internal review. You may then complain to the "
    "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF.\n"
)
SIC = (
    "If you are dissatisfied with the way we have dealt with your request, you can ask us to review our actions "
    "and decisions within 40 working days. You may then apply to the Scottish Information Commissioner, "
    "Kinburn Castle, Doubledykes Road, St Andrews, Fife, KY16 9DS.\n"
)
