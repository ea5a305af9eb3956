# Chat9 server image: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t chat9 .
#   docker run -p 8080:8080 -v chat9-data:/data chat9          (SQLite, demo bot on first run)
# With SQL Server and several instances, see compose.yaml and docs/deployment.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props dotnet-tools.json ./
COPY src/Domain/Chat9.Domain.csproj src/Domain/
COPY src/Application/Chat9.Application.csproj src/Application/
COPY src/Infrastructure/Chat9.Infrastructure.csproj src/Infrastructure/
COPY src/WebApi/Chat9.WebApi.csproj src/WebApi/
RUN dotnet restore src/WebApi/Chat9.WebApi.csproj
COPY src/ src/
COPY samples/ samples/
RUN dotnet publish src/WebApi/Chat9.WebApi.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# /data holds the SQLite file (default provider) and the Data Protection key ring that encrypts bot secrets.
# Several instances must share it (same volume), or at least its keys/ folder.
RUN mkdir -p /data && chown app:app /data
USER app
ENV ASPNETCORE_HTTP_PORTS= \
    Urls=http://+:8080 \
    Data__Path=/data
VOLUME /data
EXPOSE 8080
# The runtime image has no curl: let the orchestrator or load balancer probe GET /health over HTTP.
ENTRYPOINT ["dotnet", "Chat9.WebApi.dll"]
