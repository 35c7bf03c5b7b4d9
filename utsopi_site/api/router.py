from wagtail.api.v2.router import WagtailAPIRouter

from utsopi_site.api.endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
