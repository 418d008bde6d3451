using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Skewless.CodeFixes.Dependencies;
using Xunit;
using static Skewless.Tests.Dependencies.NuGetFiles;

namespace Skewless.Tests.Dependencies;

/// <summary>The code fix for SKW400 and SKW401 writes the version restore resolved, in the project or props file, one at a time or all at once.</summary>
public sealed class PinPackageVersionCodeFixTests
{
    private static readonly string ResolvedLock = Lock(("net10.0", [("Microsoft.ML", "5.0.1"), ("Newtonsoft.Json", "13.0.4"), ("System.Memory", "4.6.3")]));

    /// <summary>
    /// Applies the fix to each fixable diagnostic in turn (or, with <paramref name="fixAll"/>, to all at
    /// once) and compares the project and props files. Microsoft.CodeAnalysis.Testing only offers
    /// fixes for diagnostics in C# documents, so this drives the fixer through a workspace itself.
    /// </summary>
    private static async Task VerifyAsync(DependencyProject project, string? fixedProject, string? fixedProps = null, int iterations = 1, string? fixedParentProps = null)
    {
        var expected = project.Files().ToDictionary(
            file => file.Path,
            file => file.Kind switch
            {
                "ProjectFile" => fixedProject ?? Markup(file.Content),
                "PackagesProps" => fixedProps ?? Markup(file.Content),
                "ParentPackagesProps" => fixedParentProps ?? Markup(file.Content),
                _ => file.Content,
            });
        var plain = new DependencyProject
        {
            Project = project.Project is null ? null : Markup(project.Project),
            PackagesProps = project.PackagesProps is null ? null : Markup(project.PackagesProps),
            ParentProps = project.ParentProps.ToDictionary(pair => pair.Key, pair => Markup(pair.Value)),
            Assets = project.Assets,
            Lock = project.Lock,
            Peers = project.Peers,
            Properties = project.Properties,
        };

        // One diagnostic at a time, re-analyzing after each fix, as a user clicking the light bulb.
        var files = await FixAsync(plain, fixAll: false);
        Assert.Equal(expected.OrderBy(pair => pair.Key), files.OrderBy(pair => pair.Key));

        // Fix All over the project, in one step.
        var (fixedAll, actions) = await FixAllOnceAsync(plain);
        Assert.Equal(iterations == 0 ? 0 : 1, actions);
        Assert.Equal(expected.OrderBy(pair => pair.Key), fixedAll.OrderBy(pair => pair.Key));
    }

    // The tests state the diagnostics with markup for readability; the fixer sees plain files.
    private static string Markup(string content) => System.Text.RegularExpressions.Regex.Replace(content, @"\{\|SKW40\d:|\|\}", "");

    private static async Task<Dictionary<string, string>> FixAsync(DependencyProject project, bool fixAll)
    {
        for (var round = 0; round < 10; round++)
        {
            var (solution, documents) = Workspace(project);
            var fixable = (await DependencyHarness.AnalyzeAsync(project)).Where(diagnostic => diagnostic.Id is "SKW400" or "SKW401").ToList();
            CodeAction? action = null;
            foreach (var diagnostic in fixable)
            {
                var document = documents[diagnostic.Location.GetLineSpan().Path];
                var actions = new List<CodeAction>();
                await new PinPackageVersionCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (registered, _) => actions.Add(registered), CancellationToken.None));
                action = actions.SingleOrDefault();
                if (action is not null)
                {
                    break;
                }
            }

            if (action is null)
            {
                return Texts(project);
            }

            project = await ApplyAsync(project, solution, documents, action);
        }

        throw new InvalidOperationException("The fix did not converge.");
    }

    private static async Task<(Dictionary<string, string> Files, int Actions)> FixAllOnceAsync(DependencyProject project)
    {
        var (solution, documents) = Workspace(project);
        var diagnostics = await DependencyHarness.AnalyzeAsync(project);
        var fixer = new PinPackageVersionCodeFix();
        var context = new FixAllContext(
            solution.Projects.Single(),
            fixer,
            FixAllScope.Project,
            "SkewlessPinPackageVersion",
            fixer.FixableDiagnosticIds,
            new Diagnostics(diagnostics),
            CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        return action is null ? (Texts(project), 0) : (Texts(await ApplyAsync(project, solution, documents, action)), 1);
    }

    private static async Task<DependencyProject> ApplyAsync(DependencyProject project, Solution solution, Dictionary<string, TextDocument> documents, CodeAction action)
    {
        var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
        string? Text(string? content, string path) => content is null ? null : changed.GetAdditionalDocument(documents[path].Id)!.GetTextAsync().Result.ToString();
        Assert.NotSame(solution, changed);
        return new DependencyProject
        {
            Project = Text(project.Project, DependencyProject.ProjectPath),
            PackagesProps = Text(project.PackagesProps, DependencyProject.PropsPath),
            ParentProps = project.ParentProps.ToDictionary(pair => pair.Key, pair => Text(pair.Value, pair.Key)!),
            Assets = project.Assets,
            Lock = project.Lock,
            Peers = project.Peers,
            Properties = project.Properties,
        };
    }

    private static Dictionary<string, string> Texts(DependencyProject project) => project.Files().ToDictionary(file => file.Path, file => file.Content);

    private static (Solution Solution, Dictionary<string, TextDocument> Documents) Workspace(DependencyProject project)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Service", "Service", LanguageNames.CSharp, filePath: DependencyProject.ProjectPath))
            .AddDocument(DocumentId.CreateNewId(projectId), "Program.cs", "public class Program { }");
        var ids = new Dictionary<string, DocumentId>();
        foreach (var (path, _, content) in project.Files())
        {
            var id = DocumentId.CreateNewId(projectId);
            ids[path] = id;
            solution = solution.AddAdditionalDocument(DocumentInfo.Create(id, Path.GetFileName(path), loader: TextLoader.From(TextAndVersion.Create(SourceText.From(content), VersionStamp.Default, path)), filePath: path));
        }

        return (solution, ids.ToDictionary(pair => pair.Key, pair => solution.GetAdditionalDocument(pair.Value)!));
    }

    private sealed class Diagnostics(IEnumerable<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(diagnostics);
    }

    [Fact]
    public Task Pins_a_floating_version_to_the_version_restore_resolved() => VerifyAsync(
        new()
        {
            Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" Version="5.*" />|}"""),
            Lock = ResolvedLock,
        },
        Project("""<PackageReference Include="Microsoft.ML" Version="5.0.1" />"""));

    [Fact]
    public Task Pins_a_range_in_a_child_element() => VerifyAsync(
        new()
        {
            Project = Project("""
                {|SKW401:<PackageReference Include="Microsoft.ML">|}
                      <Version>[5.0,6.0)</Version>
                    </PackageReference>
                """),
            Lock = ResolvedLock,
        },
        Project("""
            <PackageReference Include="Microsoft.ML">
                  <Version>5.0.1</Version>
                </PackageReference>
            """));

    [Fact]
    public Task Fixes_every_version_of_the_file_at_once() => VerifyAsync(
        new()
        {
            Project = Project("""
                {|SKW400:<PackageReference Include="Microsoft.ML" Version="*" />|}
                    {|SKW401:<PackageReference Include="Newtonsoft.Json" Version="[13.0,14.0)" />|}
                    <PackageReference Include="System.Memory" Version="4.6.3" />
                """),
            Lock = ResolvedLock,
        },
        Project("""
            <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                <PackageReference Include="System.Memory" Version="4.6.3" />
            """),
        iterations: 1);

    [Fact]
    public Task Pins_a_central_version_in_the_props_file_and_a_VersionOverride_in_the_project() => VerifyAsync(
        new()
        {
            Properties = { ["ManagePackageVersionsCentrally"] = "true", ["CentralPackageFloatingVersionsEnabled"] = "true" },
            Project = Project("""
                <PackageReference Include="Microsoft.ML" />
                    {|SKW400:<PackageReference Include="Newtonsoft.Json" VersionOverride="13.*" />|}
                """),
            PackagesProps = """
                <Project>
                  <ItemGroup>
                    {|SKW400:<PackageVersion Include="Microsoft.ML" Version="5.*" />|}
                    <PackageVersion Include="Newtonsoft.Json" Version="13.0.1" />
                  </ItemGroup>
                </Project>
                """,
            Lock = ResolvedLock,
        },
        Project("""
            <PackageReference Include="Microsoft.ML" />
                <PackageReference Include="Newtonsoft.Json" VersionOverride="13.0.4" />
            """),
        """
        <Project>
          <ItemGroup>
            <PackageVersion Include="Microsoft.ML" Version="5.0.1" />
            <PackageVersion Include="Newtonsoft.Json" Version="13.0.1" />
          </ItemGroup>
        </Project>
        """);

    [Fact]
    public Task Pins_a_central_version_in_the_parent_props_file_that_the_nearest_one_imports() => VerifyAsync(
        new()
        {
            Properties = { ["ManagePackageVersionsCentrally"] = "true", ["CentralPackageFloatingVersionsEnabled"] = "true" },
            Project = Project("""<PackageReference Include="Microsoft.ML" />"""),
            PackagesProps = ImportsParentProps,
            ParentProps = { [DependencyProject.ParentPropsPath] = PropsWithItems("""{|SKW400:<PackageVersion Include="Microsoft.ML" Version="5.*" />|}""") },
            Lock = ResolvedLock,
        },
        fixedProject: null,
        fixedParentProps: PropsWithItems("""<PackageVersion Include="Microsoft.ML" Version="5.0.1" />"""));

    [Fact]
    public Task Leaves_an_item_alone_that_no_target_framework_sees() => VerifyAsync(
        new()
        {
            // The net6.0 item must not be pinned to what the net8.0 item resolved.
            Project = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
                    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(TargetFramework)' == 'net6.0'">
                    <PackageReference Include="Newtonsoft.Json" Version="12.*" />
                  </ItemGroup>
                </Project>
                """,
            Assets = Assets(new Framework("net8.0", [R("Newtonsoft.Json", "[13.0.3, )")]) { Resolved = [("Newtonsoft.Json", "13.0.3")] }),
        },
        fixedProject: null,
        iterations: 0);

    [Fact]
    public Task Offers_nothing_when_restore_has_not_run() => VerifyAsync(
        new() { Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" Version="5.*" />|}""") },
        fixedProject: null,
        iterations: 0);

    [Fact]
    public Task Offers_nothing_for_a_version_from_a_property() => VerifyAsync(
        new()
        {
            Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" Version="$(MLVersion)" />|}"""),
            Assets = Assets(Net10(R("Microsoft.ML", "[5.*, )")) with { Resolved = [("Microsoft.ML", "5.0.1")] }),
        },
        fixedProject: null,
        iterations: 0);

    [Fact]
    public Task Offers_nothing_when_frameworks_resolved_different_versions() => VerifyAsync(
        new()
        {
            Project = Project("""{|SKW400:<PackageReference Include="Microsoft.ML" Version="5.*" />|}"""),
            Lock = Lock(("net10.0", [("Microsoft.ML", "5.0.1")]), ("net8.0", [("Microsoft.ML", "5.0.0")])),
        },
        fixedProject: null,
        iterations: 0);
}
