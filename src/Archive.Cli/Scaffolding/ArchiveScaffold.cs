namespace Archive.Cli.Scaffolding;

/// <summary>
/// The files of a new archive (<c>archive init</c>): settings, one example transcript, an empty
/// theme override folder, the GitHub Pages workflow and a .gitignore. It builds as it is.
/// </summary>
public static class ArchiveScaffold
{
    /// <summary>The files, by path relative to the new archive's folder.</summary>
    /// <param name="title">The archive's title.</param>
    /// <param name="generator">
    /// <c>owner/repo</c> (optionally <c>@ref</c>) of the transcript-archive source the Pages
    /// workflow builds with; null leaves it to the repository variable <c>ARCHIVE_GENERATOR</c>.
    /// </param>
    public static IReadOnlyList<(string Path, string Content)> Files(string title, string? generator) =>
    [
        ("input/archive.yml", ArchiveYml(title)),
        ("input/welcome.md", Welcome),
        ("themes/default/README.md", ThemeReadme),
        (".github/workflows/pages.yml", Workflow(generator)),
        (".gitignore", GitIgnore),
        ("README.md", Readme(title)),
    ];

    private static string Yaml(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string ArchiveYml(string title) => $"""
        # Settings of this archive; every field is optional. See docs/configuration.md of transcript-archive.
        title: {Yaml(title)}
        description: Every episode, searchable.
        # The path the site is served under. On GitHub Pages the workflow passes the right one
        # (/<repository>/ for a project site), so this only matters when you build elsewhere.
        base_url: /
        # The site's absolute address makes sitemap URLs absolute; the workflow passes it too.
        # url: https://you.github.io
        language: en
        # Other spellings of a speaker's name:
        # speakers:
        #   Ada Lovelace: [Ada, A. Lovelace]

        """;

    private const string Welcome = """
        ---
        title: "Welcome to Your Archive"
        show: Archive Notes
        date: 2025-01-06
        speakers: [Robin Vale, Sam Ito]
        topics: [getting started, transcripts]
        summary: |
          A short example episode. Replace it with your own transcripts: drop **VTT**, **SRT**,
          speech-to-text JSON, plain text or Markdown files into `input/` and build again.
        chapters:
          - time: "00:00:00"
            title: Hello
          - time: "00:01:10"
            title: Adding episodes
        ---

        ## Hello

        **[00:00:00] Robin Vale:** Hello and welcome. This archive was made by archive init, and this page is its only episode so far.

        **[00:00:12] Sam Ito:** Every paragraph has its own time, so you can link straight to the moment something was said.

        **[00:00:31] Robin Vale:** Click a time on the left and the address bar points here. Share that link and it opens at this paragraph.

        ## Adding episodes

        **[00:01:10] Sam Ito:** To add an episode, put its transcript in the input folder and run archive build. Only the new file is read again.

        **[00:01:24] Robin Vale:** And when you push to main, the workflow builds the site and publishes it on GitHub Pages.

        **[00:01:40] Sam Ito:** Delete this file once your own transcripts are in. Thanks for listening.

        """;

    private const string ThemeReadme = """
        # Theme overrides

        Files here replace the built-in theme's file at the same path; everything else comes from
        the built-in theme. This folder is used because `archive build` looks for
        `themes/default/` in the current folder. For example:

        - `assets/style.css`: your own colours and fonts (start from a copy of the built-in one);
        - `templates/episode.hbs`: the episode page;
        - `templates/partials/footer.hbs`: the footer of every page;
        - a new file in `assets/` is published beside the built-in ones.

        The templates are Handlebars; the values each one receives are described in docs/themes.md
        of transcript-archive. This README is not published.

        """;

    private const string GitIgnore = """
        # Built site and build cache: the workflow builds them; never commit them.
        /output/
        /.archive-cache/
        node_modules/

        """;

    private static string Readme(string title) => $"""
        # {title}

        Transcripts in `input/`, published as a searchable website by transcript-archive's
        `archive build`.

        ```sh
        archive build          # builds input/ into output/
        archive serve          # builds, serves on http://127.0.0.1:8080/ and rebuilds on every change
        ```

        Pushing to `main` publishes the site on GitHub Pages (`.github/workflows/pages.yml`):
        in the repository's settings, under Pages, choose "GitHub Actions" as the source.

        """;

    private static string Workflow(string? generator)
    {
        var (repository, reference) = generator?.Split('@', 2) is [var r, var f] ? (r, f) : (generator ?? "", "main");
        return $$$"""
            # Builds the archive and publishes it on GitHub Pages on every push to main.
            # Settings → Pages → Source: "GitHub Actions". The generator (transcript-archive) is
            # built from source: set ARCHIVE_GENERATOR below, or as a repository variable, to its
            # owner/repository (and ARCHIVE_GENERATOR_REF to a branch or tag).
            name: Publish the archive

            on:
              push:
                branches: [main]
              workflow_dispatch:

            permissions:
              contents: read
              pages: write
              id-token: write

            concurrency:
              group: pages
              cancel-in-progress: false

            env:
              ARCHIVE_GENERATOR: ${{ vars.ARCHIVE_GENERATOR || '{{{repository}}}' }}
              ARCHIVE_GENERATOR_REF: ${{ vars.ARCHIVE_GENERATOR_REF || '{{{reference}}}' }}

            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Check that the generator is set
                    run: |
                      if [ -z "$ARCHIVE_GENERATOR" ]; then
                        echo "::error::Set the repository variable ARCHIVE_GENERATOR to the owner/repository of transcript-archive (Settings → Secrets and variables → Actions → Variables)."
                        exit 1
                      fi
                  - uses: actions/checkout@v4
                    with:
                      repository: ${{ env.ARCHIVE_GENERATOR }}
                      ref: ${{ env.ARCHIVE_GENERATOR_REF }}
                      path: .generator
                  - uses: actions/setup-dotnet@v4
                    with:
                      dotnet-version: '10.0.x'
                  - uses: actions/setup-node@v4
                    with:
                      node-version: '20'
                  - id: pages
                    uses: actions/configure-pages@v5
                  # What the last run made that this one can use: transcripts that did not change
                  # are not parsed again, and the search indexes whose episodes did not change are
                  # kept, so a new episode re-indexes its month alone. Not the cache's spare/ (an
                  # older copy of the site): here it would only hold the search index a second time.
                  # actions/cache archives each matched folder whole, so the exclusion works on the
                  # entries the line above it lists.
                  - uses: actions/cache@v4
                    with:
                      path: |
                        .archive-cache/output/*
                        !.archive-cache/output/spare
                        output/pagefind
                        output/.archive-output
                      key: archive-cache-${{ hashFiles('input/**') }}
                      restore-keys: archive-cache-
                  - name: Build the site
                    run: >
                      dotnet run -c Release --project .generator/src/Archive.Cli --
                      build --input input --output output
                      --base-url "${{ steps.pages.outputs.base_path }}/"
                      --site-url "${{ steps.pages.outputs.origin }}"
                  - uses: actions/upload-pages-artifact@v3
                    with:
                      path: output

              deploy:
                needs: build
                runs-on: ubuntu-latest
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4

            """;
    }
}
