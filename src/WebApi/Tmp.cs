namespace Chat9.WebApi; public static class Marker {}
