namespace Chat9.Infrastructure; public static class Marker {}
