using System.Diagnostics;
using System.Text;
using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Infrastructure.UnitTests.Documents.Parsing;

public sealed class OpenApiParserTests
{
    private const string PetStoreOpenApi3Json = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Pet Store", "version": "1.2.0" },
          "paths": {
            "/pets/{petId}": {
              "parameters": [ { "$ref": "#/components/parameters/PetId" } ],
              "get": {
                "tags": ["Pets"],
                "operationId": "getPet",
                "summary": "Get a pet",
                "description": "Returns one pet by its id.",
                "parameters": [
                  { "name": "fields", "in": "query", "schema": { "type": "array", "items": { "type": "string" } }, "description": "Fields to include" }
                ],
                "responses": {
                  "200": { "description": "The pet", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                  "404": { "description": "No such pet" }
                }
              },
              "put": {
                "summary": "Replace a pet",
                "requestBody": { "$ref": "#/components/requestBodies/PetBody" },
                "responses": { "204": { "description": "Replaced" } }
              }
            }
          },
          "components": {
            "parameters": {
              "PetId": { "name": "petId", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" }, "description": "The pet's id" }
            },
            "requestBodies": {
              "PetBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } }
            },
            "schemas": {
              "Pet": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": { "type": "string", "description": "What the pet answers to" },
                  "status": { "type": "string", "enum": ["available", "sold"] },
                  "owner": { "$ref": "#/components/schemas/Owner" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } }
                }
              },
              "Owner": {
                "type": "object",
                "properties": { "email": { "type": "string", "format": "email" } }
              }
            }
          }
        }
        """;

    private const string PetStoreSwagger2Yaml = """
        swagger: "2.0"
        info:
          title: Legacy Pets
          version: v1
        consumes:
          - application/json
        paths:
          /pets:
            post:
              operationId: createPet
              tags: [Pets]
              summary: Add a pet
              parameters:
                - name: pet
                  in: body
                  required: true
                  schema:
                    $ref: '#/definitions/NewPet'
                - name: X-Request-Id
                  in: header
                  type: string
              responses:
                201:
                  description: Created
                  schema:
                    $ref: '#/definitions/NewPet'
            get:
              summary: List pets
              parameters:
                - name: limit
                  in: query
                  type: integer
                  required: false
              responses:
                200:
                  description: A page of pets
        definitions:
          NewPet:
            type: object
            required: [name]
            properties:
              name:
                type: string
              tag:
                type: string
                description: A free label
        """;

    [Test]
    public void Parse_OpenApi3Json_GivesOneOperationBlockPerOperation()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Openapi, PetStoreOpenApi3Json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Title, Is.EqualTo("Pet Store 1.2.0"));
            Assert.That(document.Blocks.Select(b => b.Kind), Is.All.EqualTo(BlockKind.Operation));
            Assert.That(document.Blocks.Select(b => b.HeadingPath), Is.EqualTo(new[] { new[] { "Pets", "GET /pets/{petId}" }, new[] { "API", "PUT /pets/{petId}" } }));
            Assert.That(document.Blocks.Select(b => b.Anchor), Is.EqualTo(new[] { "getPet", "put-pets-petid" }));
        }
    }

    [Test]
    public void Parse_OpenApi3Json_DescribesParametersAndResponseSchema()
    {
        var getPet = DocumentParsing.Parse(DocumentFileType.Openapi, PetStoreOpenApi3Json).Blocks[0];

        Assert.That(getPet.Text, Is.EqualTo("""
            GET /pets/{petId}
            Get a pet
            Returns one pet by its id.
            Parameters:
            - petId (path, integer (int64), required): The pet's id
            - fields (query, array of string): Fields to include
            Responses:
            - 200: The pet
                - name (string, required): What the pet answers to
                - status (string, one of: available, sold)
                - owner (Owner)
                  - email (string (email))
                - children (array of Pet)
            - 404: No such pet
            """));
    }

    [Test]
    public void Parse_OpenApi3Json_ResolvesAReferencedRequestBody()
    {
        var replacePet = DocumentParsing.Parse(DocumentFileType.Openapi, PetStoreOpenApi3Json).Blocks[1];

        Assert.That(replacePet.Text, Does.Contain("""
            Request body (application/json, required):
              - name (string, required): What the pet answers to
              - status (string, one of: available, sold)
              - owner (Owner)
                - email (string (email))
              - children (array of Pet)
            Responses:
            - 204: Replaced
            """));
    }

    [Test]
    public void Parse_Swagger2Yaml_TurnsTheBodyParameterIntoARequestBody()
    {
        var document = DocumentParsing.Parse(DocumentFileType.Openapi, PetStoreSwagger2Yaml);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Title, Is.EqualTo("Legacy Pets v1"));
            Assert.That(document.Blocks.Select(b => b.HeadingPath[1]), Is.EqualTo(new[] { "POST /pets", "GET /pets" }));
            Assert.That(document.Blocks[0].Text, Is.EqualTo("""
                POST /pets
                Add a pet
                Parameters:
                - X-Request-Id (header, string)
                Request body (application/json):
                  - name (string, required)
                  - tag (string): A free label
                Responses:
                - 201: Created
                    - name (string, required)
                    - tag (string): A free label
                """));
            Assert.That(document.Blocks[1].Text, Does.Contain("- limit (query, integer)"));
        }
    }

    [Test]
    public void Parse_SchemaReferencingItself_StopsAtTheCycle()
    {
        var tree = """
            openapi: 3.1.0
            info: { title: Tree, version: "1" }
            paths:
              /nodes:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Node' }
                  responses: { "200": { description: OK } }
            components:
              schemas:
                Node:
                  properties:
                    name: { type: string }
                    parent: { $ref: '#/components/schemas/Node' }
            """;

        var operation = DocumentParsing.Parse(DocumentFileType.Openapi, tree).Blocks.Single();

        Assert.That(operation.Text, Does.Contain("Request body (application/json):\n  - name (string)\n  - parent (Node)\nResponses:"));
    }

    [Test]
    public void Parse_NestedObjects_AreDescribedThreeLevelsDeep()
    {
        var nested = """
            openapi: 3.0.0
            info: { title: Deep, version: "1" }
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          properties:
                            one:
                              properties:
                                two:
                                  properties:
                                    three:
                                      properties:
                                        four: { type: string }
                  responses: {}
            """;

        var text = DocumentParsing.Parse(DocumentFileType.Openapi, nested).Blocks.Single().Text;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("      - three (object)"));
            Assert.That(text, Does.Not.Contain("four"));
        }
    }

    [Test]
    public void Parse_DocumentWithoutOperations_FailsWithNoText()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Openapi, """{ "openapi": "3.0.0", "info": { "title": "Empty", "version": "1" }, "paths": {} }""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.NoText));
            Assert.That(failure.Message, Is.EqualTo("The OpenAPI document describes no operations."));
        }
    }

    [Test]
    public void Parse_JsonThatIsNotOpenApi_FailsWithParseFailed()
    {
        var failure = DocumentParsing.Failure(DocumentFileType.Openapi, """{ "name": "package.json" }""");

        Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
    }

    [Test]
    public void Parse_YamlAliasBomb_FailsWithParseFailedInsteadOfExpanding()
    {
        var bomb = new StringBuilder("openapi: 3.0.0\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 9; level++)
        {
            bomb.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }

        var failure = DocumentParsing.Failure(DocumentFileType.Openapi, bomb.ToString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.Contain("aliases"));
        }
    }

    [Test]
    public void Parse_DeeplyNestedYaml_FailsQuicklyWithParseFailed()
    {
        var stopwatch = Stopwatch.StartNew();

        var failure = DocumentParsing.Failure(DocumentFileType.Openapi, "openapi: 3.0.0\npaths: " + new string('[', 200_000) + new string(']', 200_000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Code, Is.EqualTo(DocumentErrorCodes.ParseFailed));
            Assert.That(failure.Message, Does.Contain("nested"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        }
    }
}
