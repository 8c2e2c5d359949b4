# PresenceBot in a container, for those who run containers rather than App Service's built-in .NET.
# Not built in this project's CI (the build machine reaches no container registry for the base images);
# kept minimal on purpose. Build from the repository root:  docker build -t presencebot .
# Run with PostgreSQL and the settings of the README's Configuration table as environment variables, e.g.
#   docker run -p 8080:8080 -e Storage__Provider=Postgres -e ConnectionStrings__PresenceBot=... presencebot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
RUN dotnet publish src/PresenceBot/PresenceBot.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The SQLite default keeps its file in data/ next to the app; the non-root user must be able to write there.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# appsettings.json says http://localhost:5080; a container listens on every interface, on 8080.
ENV Urls=http://+:8080
EXPOSE 8080
# The image's non-root user (APP_UID, 1654).
USER $APP_UID
# The runtime image has no curl: bash's /dev/tcp asks /healthz (alive; /readyz also needs the database).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "PresenceBot.dll"]
