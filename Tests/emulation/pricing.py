"""The AWS Price List API (pricing): GetProducts over the products of pricing_products.json,
a fixture shaped like the API's own answers (product, attributes, on-demand terms with tiered
price dimensions), whose prices differ from vpcpipe's table so that a test tells them apart.

Filters match as the API's do: on the product's attributes, its productFamily or its service
code, by name whatever their case; TERM_MATCH and EQUALS a value, CONTAINS a part of it,
ANY_OF and NONE_OF a comma-separated list. Answers come in pages of MaxResults (100 at most),
each product a JSON text, as the model's `jsonvalue` strings are.
"""

import json
import os

from wire import ServiceError

_PRODUCTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pricing_products.json")


def _fields(product):
    """Every field a filter can name, by its lower-case name."""
    fields = {name.lower(): value for name, value in product["product"].get("attributes", {}).items()}
    fields["productfamily"] = product["product"].get("productFamily", "")
    fields["servicecode"] = product["serviceCode"]
    fields["sku"] = product["product"].get("sku", "")
    return fields


def _matches(product, condition):
    value = _fields(product).get(condition["Field"].lower())
    if value is None:
        return False
    wanted, kind = condition["Value"], condition["Type"]
    if kind in ("TERM_MATCH", "EQUALS"):
        return value == wanted
    if kind == "CONTAINS":
        return wanted in value
    listed = [item.strip() for item in wanted.split(",")]
    return (value in listed) == (kind == "ANY_OF")


class Pricing:
    def __init__(self):
        with open(_PRODUCTS) as file:
            self.products = json.load(file)

    def GetProducts(self, params, context):
        found = [product for product in self.products if product["serviceCode"] == params["ServiceCode"]
                 and all(_matches(product, condition) for condition in params.get("Filters", []))]
        token = params.get("NextToken", "0")
        if not token.isdigit() or int(token) > len(found):
            raise ServiceError("InvalidNextTokenException", "The next token is not valid")
        start, size = int(token), params.get("MaxResults", 100)
        answer = {"FormatVersion": params.get("FormatVersion", "aws_v1"),
                  "PriceList": [json.dumps(product) for product in found[start:start + size]]}
        if start + size < len(found):
            answer["NextToken"] = str(start + size)
        return answer
