<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Redes sociales</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>App móvil</translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation>Chat en directo</translation>
    </message>
    <message>
        <source>Advertising</source>
        <translation>Publicidad</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impresos</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Correo postal</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Socio</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Segment: {0}</source>
        <translation>Segmento: {0}</translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation>Todos los encuestados</translation>
    </message>
    <message>
        <source>No NPS data yet — enter scores in the inspector or import a survey</source>
        <translation>Aún no hay datos de NPS: introduce puntuaciones en el inspector o importa una encuesta</translation>
    </message>
    <message>
        <source>Open or create a map to see its analytics</source>
        <translation>Abre o crea un mapa para ver su analítica</translation>
    </message>
    <message>
        <source>n={0}, manual</source>
        <translation>n={0}, manual</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>n={0}</source>
        <translation>n={0}</translation>
    </message>
    <message>
        <source>NPS by touchpoint</source>
        <translation>NPS por punto de contacto</translation>
    </message>
    <message>
        <source>NPS by touchpoint: best and worst {0} of {1}</source>
        <translation>NPS por punto de contacto: los {0} mejores y peores de {1}</translation>
    </message>
    <message>
        <source>NPS (error bars: 95 % margin of error)</source>
        <translation>NPS (barras de error: margen de error del 95 %)</translation>
    </message>
    <message>
        <source>NPS and sentiment by stage</source>
        <translation>NPS y sentimiento por etapa</translation>
    </message>
    <message>
        <source>no NPS</source>
        <translation>sin NPS</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Mean sentiment (−1 … +1)</source>
        <translation>Sentimiento medio (−1 … +1)</translation>
    </message>
    <message>
        <source>NPS ≥ 0</source>
        <translation>NPS ≥ 0</translation>
    </message>
    <message>
        <source>NPS &lt; 0</source>
        <translation>NPS &lt; 0</translation>
    </message>
    <message>
        <source>Mean sentiment</source>
        <translation>Sentimiento medio</translation>
    </message>
    <message>
        <source>Promoters, passives, detractors</source>
        <translation>Promotores, pasivos, detractores</translation>
    </message>
    <message>
        <source>Promoters, passives, detractors: best and worst {0} of {1}</source>
        <translation>Promotores, pasivos, detractores: los {0} mejores y peores de {1}</translation>
    </message>
    <message>
        <source>Detractors (0–6)</source>
        <translation>Detractores (0–6)</translation>
    </message>
    <message>
        <source>Passives (7–8)</source>
        <translation>Pasivos (7–8)</translation>
    </message>
    <message>
        <source>Promoters (9–10)</source>
        <translation>Promotores (9–10)</translation>
    </message>
    <message>
        <source>Share of answers</source>
        <translation>Proporción de respuestas</translation>
    </message>
    <message>
        <source>Select a touchpoint on the map to see its NPS trend</source>
        <translation>Selecciona un punto de contacto en el mapa para ver la evolución de su NPS</translation>
    </message>
    <message>
        <source>NPS trend</source>
        <translation>Evolución del NPS</translation>
    </message>
    <message>
        <source>NPS trend — {0}</source>
        <translation>Evolución del NPS — {0}</translation>
    </message>
    <message>
        <source>No dated answers for this touchpoint yet — import a survey with a date column</source>
        <translation>Este punto de contacto aún no tiene respuestas con fecha: importa una encuesta con una columna de fecha</translation>
    </message>
    <message>
        <source>95 % margin of error</source>
        <translation>Margen de error del 95 %</translation>
    </message>
    <message>
        <source>NPS per month</source>
        <translation>NPS por mes</translation>
    </message>
    <message>
        <source>significant change from the month before</source>
        <translation>cambio significativo respecto al mes anterior</translation>
    </message>
    <message>
        <source>Priority matrix: impact against NPS</source>
        <translation>Matriz de prioridades: impacto frente a NPS</translation>
    </message>
    <message>
        <source>Fix first</source>
        <translation>Corregir primero</translation>
    </message>
    <message>
        <source>FIX FIRST</source>
        <translation>CORREGIR PRIMERO</translation>
    </message>
    <message>
        <source>Improve when possible</source>
        <translation>Mejorar cuando se pueda</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Protect strengths</source>
        <translation>Proteger fortalezas</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiva</translation>
    </message>
    <message>
        <source>Impact (1 = low, 5 = high)</source>
        <translation>Impacto (1 = bajo, 5 = alto)</translation>
    </message>
    <message>
        <source>impact from data (correlation with the overall NPS)</source>
        <translation>impacto según los datos (correlación con el NPS global)</translation>
    </message>
    <message>
        <source>Fix first: impact ≥ {0} and NPS &lt; {1}</source>
        <translation>Corregir primero: impacto ≥ {0} y NPS &lt; {1}</translation>
    </message>
    <message>
        <source>No NPS yet: by sensation</source>
        <translation>Sin NPS todavía: por sensación</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <source>Remove import %1</source>
        <translation>Quitar la importación %1</translation>
    </message>
    <message>
        <source>Add map</source>
        <translation>Añadir mapa</translation>
    </message>
    <message>
        <source>New journey map</source>
        <translation>Nuevo mapa de experiencia del cliente</translation>
    </message>
    <message>
        <source>Duplicate map</source>
        <translation>Duplicar mapa</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>Edit map</source>
        <translation>Editar mapa</translation>
    </message>
    <message>
        <source>Rename map</source>
        <translation>Renombrar mapa</translation>
    </message>
    <message>
        <source>Delete map</source>
        <translation>Eliminar mapa</translation>
    </message>
    <message>
        <source>A document needs at least one map.</source>
        <translation>Un documento necesita al menos un mapa.</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Eliminar nota</translation>
    </message>
    <message>
        <source>Add stage “%1”</source>
        <translation>Añadir la etapa «%1»</translation>
    </message>
    <message>
        <source>Edit stage</source>
        <translation>Editar etapa</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Eliminar etapa</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Mover etapa</translation>
    </message>
    <message>
        <source>Add lane “%1”</source>
        <translation>Añadir la fila «%1»</translation>
    </message>
    <message>
        <source>Edit lane</source>
        <translation>Editar fila</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Eliminar fila</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>Mover fila</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n touchpoints</source>
        <translation>
            <numerusform>Editar %n punto de contacto</numerusform>
            <numerusform>Editar %n puntos de contacto</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit touchpoint</source>
        <translation>Editar punto de contacto</translation>
    </message>
    <message numerus="yes">
        <source>Add %n touchpoints</source>
        <translation>
            <numerusform>Añadir %n punto de contacto</numerusform>
            <numerusform>Añadir %n puntos de contacto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n touchpoints</source>
        <translation>
            <numerusform>Eliminar %n punto de contacto</numerusform>
            <numerusform>Eliminar %n puntos de contacto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n touchpoints</source>
        <translation>
            <numerusform>Mover %n punto de contacto</numerusform>
            <numerusform>Mover %n puntos de contacto</numerusform>
        </translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Exportar mapa</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Tamaño de la imagen</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Ancho</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>Ancho en píxeles</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Resolution in dots per inch</source>
        <translation>Resolución en puntos por pulgada</translation>
    </message>
    <message>
        <source>Printed at the map&apos;s canvas size, at this many dots per inch (recorded in the PNG)</source>
        <translation>Impreso al tamaño del mapa en el lienzo, con estos puntos por pulgada (guardados en el PNG)</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Tamaño de página</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Vertical</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Disposición:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Tamaño de página:</translation>
    </message>
    <message>
        <source>Margins:</source>
        <translation>Márgenes:</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Overlays:</source>
        <translation>Capas:</translation>
    </message>
    <message>
        <source>Legend (when overlays are shown)</source>
        <translation>Leyenda (cuando se muestran capas)</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Fondo transparente</translation>
    </message>
    <message>
        <source>Title block</source>
        <translation>Bloque del título</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Stages to include</source>
        <translation>Etapas que se incluyen</translation>
    </message>
    <message>
        <source>Lanes to include</source>
        <translation>Filas que se incluyen</translation>
    </message>
    <message>
        <source>Stages:</source>
        <translation>Etapas:</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>Filas:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Include survey responses</source>
        <translation>Incluir las respuestas de la encuesta</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>One row per touchpoint with its NPS, sentiment and details (UTF-8, opens in Excel).</source>
        <translation>Una fila por punto de contacto con su NPS, sentimiento y detalles (UTF-8, se abre en Excel).</translation>
    </message>
    <message>
        <source>One row per touchpoint with its NPS, sentiment and details.</source>
        <translation>Una fila por punto de contacto con su NPS, sentimiento y detalles.</translation>
    </message>
    <message>
        <source>The whole map (stages, lanes, touchpoints, notes) to import into another document.</source>
        <translation>El mapa completo (etapas, filas, puntos de contacto, notas) para importarlo en otro documento.</translation>
    </message>
    <message>
        <source>A 16:9 deck: title, the whole map, a slide per stage with editable cards, NPS charts and what customers said.</source>
        <translation>Una presentación 16:9: portada, el mapa completo, una diapositiva por etapa con tarjetas editables, gráficos de NPS y lo que dijeron los clientes.</translation>
    </message>
    <message>
        <source>Only the segment “%1”.</source>
        <translation>Solo el segmento «%1».</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>The map could not be exported:
%1</source>
        <translation>No se pudo exportar el mapa:
%1</translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation>No hay ningún mapa que exportar.</translation>
    </message>
    <message>
        <source>Copy map as image</source>
        <translation>Copiar el mapa como imagen</translation>
    </message>
    <message>
        <source>its header</source>
        <translation>su cabecera</translation>
    </message>
    <message>
        <source>its values are touchpoint titles</source>
        <translation>sus valores son títulos de puntos de contacto</translation>
    </message>
    <message>
        <source>derived (group or category)</source>
        <translation>derivada (grupo o categoría)</translation>
    </message>
    <message>
        <source>survey tool metadata</source>
        <translation>metadatos de la herramienta de encuestas</translation>
    </message>
    <message>
        <source>your choice</source>
        <translation>tu elección</translation>
    </message>
    <message>
        <source>names no touchpoint</source>
        <translation>no nombra ningún punto de contacto</translation>
    </message>
    <message>
        <source>several touchpoints have that title</source>
        <translation>varios puntos de contacto tienen ese título</translation>
    </message>
    <message>
        <source>another date column is used</source>
        <translation>se usa otra columna de fecha</translation>
    </message>
    <message>
        <source>dates not imported</source>
        <translation>no se importan fechas</translation>
    </message>
    <message>
        <source>only one such column is used</source>
        <translation>solo se usa una columna de ese tipo</translation>
    </message>
    <message>
        <source>Columns of the file and what each becomes</source>
        <translation>Columnas del archivo y en qué se convierte cada una</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Se convierte en</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorada</translation>
    </message>
    <message>
        <source>Comment (every answer of the row)</source>
        <translation>Comentario (todas las respuestas de la fila)</translation>
    </message>
    <message>
        <source>Touchpoint (id or title)</source>
        <translation>Punto de contacto (id o título)</translation>
    </message>
    <message>
        <source>Score (0–10)</source>
        <translation>Puntuación (0–10)</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Overall NPS of the map</source>
        <translation>NPS global del mapa</translation>
    </message>
    <message>
        <source>Answer about “%1”</source>
        <translation>Respuesta sobre «%1»</translation>
    </message>
    <message>
        <source>New touchpoint in “%1”</source>
        <translation>Nuevo punto de contacto en «%1»</translation>
    </message>
    <message>
        <source>What column %1 becomes</source>
        <translation>En qué se convierte la columna %1</translation>
    </message>
    <message>
        <source>Not imported (names no touchpoint)</source>
        <translation>No se importa (no nombra ningún punto de contacto)</translation>
    </message>
    <message>
        <source>satisfaction scale, imported as sentiment</source>
        <translation>escala de satisfacción, importada como sentimiento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message numerus="yes">
        <source>%n rows rejected</source>
        <translation>
            <numerusform>%n fila rechazada</numerusform>
            <numerusform>%n filas rechazadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from %1 (%2); the document is unchanged.</source>
        <translation>No se importó nada de %1 (%2); el documento no ha cambiado.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n events</source>
        <translation>
            <numerusform>Importado %n evento</numerusform>
            <numerusform>Importados %n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n customers</source>
        <translation>
            <numerusform>de %n cliente</numerusform>
            <numerusform>de %n clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new cards</source>
        <translation>
            <numerusform>%n tarjeta nueva</numerusform>
            <numerusform>%n tarjetas nuevas</numerusform>
        </translation>
    </message>
    <message>
        <source>touchpoints not on the map: %1</source>
        <translation>puntos de contacto que no están en el mapa: %1</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importación cancelada; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The file could not be imported; nothing was changed.</source>
        <translation>No se pudo importar el archivo; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The document is open read-only.</source>
        <translation>El documento está abierto en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>Importar eventos</translation>
    </message>
    <message>
        <source>Create a map first.</source>
        <translation>Crea primero un mapa.</translation>
    </message>
    <message>
        <source>F2 / Enter / double-click</source>
        <translation>F2 / Retorno / doble clic</translation>
    </message>
    <message>
        <source>Edit the title of the selected card, stage or lane in place</source>
        <translation>Editar en el sitio el título de la tarjeta, etapa o fila seleccionada</translation>
    </message>
    <message>
        <source>Double-click an empty cell</source>
        <translation>Doble clic en una celda vacía</translation>
    </message>
    <message>
        <source>Add a card there</source>
        <translation>Añadir ahí una tarjeta</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Teclas de flecha</translation>
    </message>
    <message>
        <source>Select the next card: Up/Down in the cell and across lanes, Left/Right across stages</source>
        <translation>Seleccionar la tarjeta siguiente: Arriba/Abajo dentro de la celda y entre filas, Izquierda/Derecha entre etapas</translation>
    </message>
    <message>
        <source>Alt+Arrow keys</source>
        <translation>Alt+flechas</translation>
    </message>
    <message>
        <source>Move the selected cards: Up/Down one place (or lane), Left/Right one stage</source>
        <translation>Mover las tarjetas seleccionadas: Arriba/Abajo una posición (o fila), Izquierda/Derecha una etapa</translation>
    </message>
    <message>
        <source>Ctrl+click / drag on empty canvas</source>
        <translation>Control+clic / arrastrar en un hueco del lienzo</translation>
    </message>
    <message>
        <source>Add to the selection / rubber-band selection</source>
        <translation>Añadir a la selección / selección con rectángulo</translation>
    </message>
    <message>
        <source>Drag cards</source>
        <translation>Arrastrar tarjetas</translation>
    </message>
    <message>
        <source>Move them to another cell or reorder them (one undo step)</source>
        <translation>Moverlas a otra celda o reordenarlas (un solo paso de deshacer)</translation>
    </message>
    <message>
        <source>Drag a stage or lane header</source>
        <translation>Arrastrar la cabecera de una etapa o una fila</translation>
    </message>
    <message>
        <source>Reorder stages or lanes</source>
        <translation>Reordenar etapas o filas</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Escape</translation>
    </message>
    <message>
        <source>Cancel the edit or the drag; clear the selection</source>
        <translation>Cancelar la edición o el arrastre; vaciar la selección</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Control+rueda</translation>
    </message>
    <message>
        <source>Zoom under the mouse</source>
        <translation>Hacer zoom bajo el ratón</translation>
    </message>
    <message>
        <source>Space+drag / middle button drag</source>
        <translation>Espacio+arrastrar / arrastrar con el botón central</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Desplazar la vista</translation>
    </message>
    <message>
        <source>Pinch / two fingers</source>
        <translation>Pellizcar / dos dedos</translation>
    </message>
    <message>
        <source>Zoom / pan the map on a touch screen</source>
        <translation>Ampliar / desplazar el mapa en una pantalla táctil</translation>
    </message>
    <message>
        <source>One finger on empty canvas / hold</source>
        <translation>Un dedo en el lienzo vacío / mantener pulsado</translation>
    </message>
    <message>
        <source>Pan / open the context menu</source>
        <translation>Desplazar / abrir el menú contextual</translation>
    </message>
    <message>
        <source>Drop image files on a card</source>
        <translation>Soltar archivos de imagen en una tarjeta</translation>
    </message>
    <message>
        <source>Attach them as photos of that touchpoint</source>
        <translation>Adjuntarlos como fotos de ese punto de contacto</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tabulador / Mayúsculas+Tabulador</translation>
    </message>
    <message>
        <source>Move the keyboard focus between the canvas, the toolbar and the panels</source>
        <translation>Mover el foco del teclado entre el lienzo, la barra de herramientas y los paneles</translation>
    </message>
    <message>
        <source>New map from template</source>
        <translation>Nuevo mapa desde plantilla</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Blank map</source>
        <translation>Mapa en blanco</translation>
    </message>
    <message>
        <source>Five stages and five lanes, no touchpoints yet.</source>
        <translation>Cinco etapas y cinco filas, aún sin puntos de contacto.</translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints</source>
        <translation>
            <numerusform>%n punto de contacto</numerusform>
            <numerusform>%n puntos de contacto</numerusform>
        </translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Empezar desde:</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Journey map canvas</source>
        <translation>Lienzo del mapa de experiencia del cliente</translation>
    </message>
    <message>
        <source>Stages are columns and lanes are rows. Arrow keys move between cards, F2 edits, Delete removes.</source>
        <translation>Las etapas son columnas; las filas, los distintos planos del recorrido. Las flechas recorren las tarjetas, F2 edita y Supr elimina.</translation>
    </message>
    <message>
        <source>&lt;original document&gt;</source>
        <translation>&lt;documento original&gt;</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>&amp;Historial de cambios</translation>
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation>&amp;Nuevo desde plantilla…</translation>
    </message>
    <message>
        <source>Open a document (%1) or start a new one (%2).</source>
        <translation>Abre un documento (%1) o empieza uno nuevo (%2).</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar c&amp;omo…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar t&amp;odo</translation>
    </message>
    <message>
        <source>&amp;Rename / Edit Title</source>
        <translation>Re&amp;nombrar / editar título</translation>
    </message>
    <message>
        <source>&amp;Filter Cards…</source>
        <translation>&amp;Filtrar tarjetas…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Preferencia&amp;s…</translation>
    </message>
    <message>
        <source>&amp;Import Survey Responses…</source>
        <translation>&amp;Importar respuestas de encuesta…</translation>
    </message>
    <message>
        <source>Import &amp;Events…</source>
        <translation>Importar &amp;eventos…</translation>
    </message>
    <message>
        <source>A CRM or web-analytics log: the journey customers really took</source>
        <translation>Un registro de CRM o de analítica web: el recorrido que hicieron de verdad los clientes</translation>
    </message>
    <message>
        <source>Import &amp;History…</source>
        <translation>&amp;Historial de importaciones…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Copy Map as &amp;Image</source>
        <translation>Copiar mapa como ima&amp;gen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;justar a la ventana</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>Full screen, the title then stage by stage (arrows or clicks; Esc ends)</source>
        <translation>Pantalla completa, el título y luego etapa por etapa (flechas o clics; Esc termina)</translation>
    </message>
    <message>
        <source>Add &amp;Stage</source>
        <translation>Añadir &amp;etapa</translation>
    </message>
    <message>
        <source>Add &amp;Lane</source>
        <translation>Añadir &amp;fila</translation>
    </message>
    <message>
        <source>Rename &amp;Map</source>
        <translation>Renombrar &amp;mapa</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About JourneyMap</source>
        <translation>A&amp;cerca de JourneyMap</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Overlays</source>
        <translation>&amp;Capas</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Paneles</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Datos</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Filter cards</source>
        <translation>Filtrar tarjetas</translation>
    </message>
    <message>
        <source>Filter: text, channel, negative, critical…</source>
        <translation>Filtrar: texto, canal, negativa, crítico…</translation>
    </message>
    <message>
        <source>Go to Maps</source>
        <translation>Ir a Mapas</translation>
    </message>
    <message>
        <source>Go to Library</source>
        <translation>Ir a la Biblioteca</translation>
    </message>
    <message>
        <source>Go to Inspector</source>
        <translation>Ir al Inspector</translation>
    </message>
    <message>
        <source>Go to Analytics</source>
        <translation>Ir a Analítica</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln cards match</source>
        <translation>
            <numerusform>%1 de %Ln tarjeta coincide</numerusform>
            <numerusform>%1 de %Ln tarjetas coinciden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stages</source>
        <translation>
            <numerusform>%Ln etapa</numerusform>
            <numerusform>%Ln etapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lanes</source>
        <translation>
            <numerusform>%Ln fila</numerusform>
            <numerusform>%Ln filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cards</source>
        <translation>
            <numerusform>%Ln tarjeta</numerusform>
            <numerusform>%Ln tarjetas</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h3&gt;JourneyMap %1&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;JourneyMap %1&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;An offline editor for customer journey maps: stages, lanes and touchpoints, with NPS and sentiment from your surveys.&lt;/p&gt;&lt;p&gt;Every edit is saved to the document as you go and can be undone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un editor sin conexión de customer journey maps: etapas, filas y puntos de contacto, con el NPS y el sentimiento de tus encuestas.&lt;/p&gt;&lt;p&gt;Cada cambio se guarda en el documento sobre la marcha y se puede deshacer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Map copied to the clipboard as an image</source>
        <translation>Mapa copiado al portapapeles como imagen</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[solo lectura]</translation>
    </message>
    <message>
        <source>About JourneyMap</source>
        <translation>Acerca de JourneyMap</translation>
    </message>
    <message>
        <source>No sentiment data</source>
        <translation>Sin datos de sentimiento</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Curva emocional</translation>
    </message>
    <message>
        <source>stage average</source>
        <translation>media de la etapa</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>%1 manual value</source>
        <translation>%1 valor manual</translation>
    </message>
    <message>
        <source>first photo of the touchpoint; the number says how many</source>
        <translation>primera foto del punto de contacto; el número dice cuántas hay</translation>
    </message>
    <message>
        <source>touchpoint</source>
        <translation>punto de contacto</translation>
    </message>
    <message>
        <source>neutral (0)</source>
        <translation>neutra (0)</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativa</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutra</translation>
    </message>
    <message>
        <source>positive sensation</source>
        <translation>sensación positiva</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Sin cambios</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>moment of truth</source>
        <translation>momento de la verdad</translation>
    </message>
    <message>
        <source>sensation</source>
        <translation>sensación</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impacto</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>controllable</source>
        <translation>controlable</translation>
    </message>
    <message>
        <source>expectation</source>
        <translation>expectativa</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidencia</translation>
    </message>
    <message>
        <source>waiting time</source>
        <translation>tiempo de espera</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>NPS %1 → %2</source>
        <translation>NPS %1 → %2</translation>
    </message>
    <message>
        <source>Current vs future state</source>
        <translation>Estado actual frente a estado futuro</translation>
    </message>
    <message>
        <source>“%1” → “%2”</source>
        <translation>«%1» → «%2»</translation>
    </message>
    <message>
        <source>The future state has no changes yet.</source>
        <translation>El estado futuro aún no tiene cambios.</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>cambió: %1</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>Exportar &amp;PNG…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exportar P&amp;DF…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Exportar la comparación</translation>
    </message>
    <message>
        <source>NPS from n answers</source>
        <translation>NPS de n respuestas</translation>
    </message>
    <message>
        <source>manual estimate</source>
        <translation>estimación manual</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Leyenda</translation>
    </message>
    <message>
        <source>New touchpoint</source>
        <translation>Nuevo punto de contacto</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Renombrar etapa</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Renombrar fila</translation>
    </message>
    <message>
        <source>Rename touchpoint</source>
        <translation>Renombrar punto de contacto</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>Nueva etapa</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>Nueva fila</translation>
    </message>
    <message>
        <source>Change lane kind</source>
        <translation>Cambiar el tipo de fila</translation>
    </message>
    <message>
        <source>Change blueprint line</source>
        <translation>Cambiar la línea de blueprint</translation>
    </message>
    <message>
        <source>Delete stage “%1”</source>
        <translation>Eliminar la etapa «%1»</translation>
    </message>
    <message numerus="yes">
        <source>Delete the map “%1” and its %n touchpoints?

You can undo this.</source>
        <translation>
            <numerusform>¿Eliminar el mapa «%1» y su punto de contacto?

Puedes deshacerlo.</numerusform>
            <numerusform>¿Eliminar el mapa «%1» y sus %n puntos de contacto?

Puedes deshacerlo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” is assigned to %n map(s). Delete it from all of them?</source>
        <translation>
            <numerusform>«%1» está asignada a %n mapa. ¿La eliminas de él?</numerusform>
            <numerusform>«%1» está asignada a %n mapas. ¿La eliminas de todos?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the stage “%1” and its %n cards?</source>
        <translation>
            <numerusform>¿Eliminar la etapa «%1» y su tarjeta?</numerusform>
            <numerusform>¿Eliminar la etapa «%1» y sus %n tarjetas?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the lane “%1” and its %n cards?</source>
        <translation>
            <numerusform>¿Eliminar la fila «%1» y su tarjeta?</numerusform>
            <numerusform>¿Eliminar la fila «%1» y sus %n tarjetas?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete lane “%1”</source>
        <translation>Eliminar la fila «%1»</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>Mapa del recorrido</translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation>Persona: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n etapa</numerusform>
            <numerusform>%n etapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n punto de contacto</numerusform>
            <numerusform>%n puntos de contacto</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole journey</source>
        <translation>El recorrido completo</translation>
    </message>
    <message>
        <source>Stage %1 of %2</source>
        <translation>Etapa %1 de %2</translation>
    </message>
    <message>
        <source>NPS %1</source>
        <translation>NPS %1</translation>
    </message>
    <message>
        <source>sentiment %1</source>
        <translation>sentimiento %1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 de %3)</translation>
    </message>
    <message>
        <source>Stage colour</source>
        <translation>Color de la etapa</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>No touchpoints in this stage</source>
        <translation>Esta etapa no tiene puntos de contacto</translation>
    </message>
    <message>
        <source>Lane: %1</source>
        <translation>Fila: %1</translation>
    </message>
    <message>
        <source>Sentiment: %1</source>
        <translation>Sentimiento: %1</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a customer&apos;s quote</comment>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Touchpoint: %1</source>
        <translation>Punto de contacto: %1</translation>
    </message>
    <message>
        <source>Other touchpoints</source>
        <translation>Otros puntos de contacto</translation>
    </message>
    <message>
        <source>NPS by touchpoint and priorities</source>
        <translation>NPS por punto de contacto y prioridades</translation>
    </message>
    <message>
        <source>{0} (impact {1}, {2})</source>
        <translation>{0} (impacto {1}, {2})</translation>
    </message>
    <message>
        <source>No NPS yet: {0}</source>
        <translation>Aún sin NPS: {0}</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>y {0} más</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>Lo que dijeron los clientes</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>puntuación %1</translation>
    </message>
    <message>
        <source>No comments</source>
        <translation>Sin comentarios</translation>
    </message>
    <message>
        <source>Customer journey map</source>
        <translation>Mapa del recorrido del cliente</translation>
    </message>
    <message>
        <source>Recolour stage</source>
        <translation>Cambiar el color de la etapa</translation>
    </message>
    <message>
        <source>Lane colour</source>
        <translation>Color de la fila</translation>
    </message>
    <message>
        <source>Recolour lane</source>
        <translation>Cambiar el color de la fila</translation>
    </message>
    <message>
        <source>Set sensation</source>
        <translation>Establecer la sensación</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>Momento de la verdad</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Editar título</translation>
    </message>
    <message>
        <source>Sensation</source>
        <translation>Sensación</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiva</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutra</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativa</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Responsable: %1</translation>
    </message>
    <message>
        <source>Impact %1 of 5</source>
        <translation>Impacto %1 de 5</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiquetas: %1</translation>
    </message>
    <message>
        <source>(±%1 at 95 %)</source>
        <translation>(±%1 al 95 %)</translation>
    </message>
    <message>
        <source>Sentiment %1 (%2)</source>
        <translation>Sentimiento %1 (%2)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Connect “%1” → “%2”</source>
        <translation>Conectar «%1» → «%2»</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Change colour…</source>
        <translation>Cambiar color…</translation>
    </message>
    <message>
        <source>Insert stage before</source>
        <translation>Insertar etapa antes</translation>
    </message>
    <message>
        <source>Insert stage after</source>
        <translation>Insertar etapa después</translation>
    </message>
    <message>
        <source>Delete stage…</source>
        <translation>Eliminar etapa…</translation>
    </message>
    <message>
        <source>Insert lane above</source>
        <translation>Insertar fila encima</translation>
    </message>
    <message>
        <source>Insert lane below</source>
        <translation>Insertar fila debajo</translation>
    </message>
    <message>
        <source>Delete lane…</source>
        <translation>Eliminar fila…</translation>
    </message>
    <message>
        <source>Add touchpoint here</source>
        <translation>Añadir un punto de contacto aquí</translation>
    </message>
    <message>
        <source>Paste here</source>
        <translation>Pegar aquí</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Añadir etapa</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Añadir fila</translation>
    </message>
    <message>
        <source>Lane kind</source>
        <translation>Tipo de fila</translation>
    </message>
    <message>
        <source>Blueprint line below</source>
        <translation>Línea de blueprint debajo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Edit label…</source>
        <translation>Editar etiqueta…</translation>
    </message>
    <message>
        <source>The last document, %1, is no longer there; the sample map is open instead.</source>
        <translation>El último documento, %1, ya no está; en su lugar se ha abierto el mapa de ejemplo.</translation>
    </message>
    <message>
        <source>%1 is open in another window: opened read-only.</source>
        <translation>%1 está abierto en otra ventana: se ha abierto en solo lectura.</translation>
    </message>
    <message>
        <source>Could not reopen the last document (%1); the sample map is open instead.</source>
        <translation>No se pudo volver a abrir el último documento (%1); en su lugar se ha abierto el mapa de ejemplo.</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>, low</source>
        <translation>, baja</translation>
    </message>
    <message>
        <source>Sentiment %1</source>
        <translation>Sentimiento %1</translation>
    </message>
    <message>
        <source>Attach photo</source>
        <translation>Adjuntar foto</translation>
    </message>
    <message>
        <source>Attach %n photos</source>
        <translation>Adjuntar %n fotos</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar foto</translation>
    </message>
    <message>
        <source>Reorder photos</source>
        <translation>Reordenar fotos</translation>
    </message>
    <message>
        <source>Pasted image</source>
        <translation>Imagen pegada</translation>
    </message>
    <message>
        <source>The clipboard holds no image and no image file.</source>
        <translation>El portapapeles no contiene ninguna imagen ni ningún archivo de imagen.</translation>
    </message>
    <message>
        <source>Preparing photos…</source>
        <translation>Preparando las fotos…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Photos not attached</source>
        <translation>Fotos no adjuntadas</translation>
    </message>
    <message>
        <source>This file could not be attached:</source>
        <translation>Este archivo no se ha podido adjuntar:</translation>
    </message>
    <message>
        <source>%n files could not be attached:</source>
        <translation>%n archivos no se han podido adjuntar:</translation>
    </message>
    <message>
        <source>Paste photo</source>
        <translation>Pegar foto</translation>
    </message>
    <message>
        <source>Attach photos</source>
        <translation>Adjuntar fotos</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>This document is on a disk or in a folder that cannot be written to, so it is open read-only. To edit it, save a copy elsewhere with File ▸ Save As.</source>
        <translation>Este documento está en un disco o una carpeta donde no se puede escribir, así que está abierto en solo lectura. Para editarlo, guarda una copia en otro sitio con Archivo ▸ Guardar como.</translation>
    </message>
    <message>
        <source>The disk is full, so this document is open read-only. Free some space and open it again, or save a copy on another disk with File ▸ Save As.</source>
        <translation>El disco está lleno, así que este documento está abierto en solo lectura. Libera espacio y vuelve a abrirlo, o guarda una copia en otro disco con Archivo ▸ Guardar como.</translation>
    </message>
    <message>
        <source>Read-only notice</source>
        <translation>Aviso de solo lectura</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>El cambio no se ha guardado</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continúa)</translation>
    </message>
    <message>
        <source>row %1 of %2, column %3 of %4</source>
        <translation>fila %1 de %2, columna %3 de %4</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Comparison: B minus A</source>
        <translation>Comparación: B menos A</translation>
    </message>
    <message>
        <source>Choose two segments or periods in View ▸ Overlays ▸ Compare</source>
        <translation>Elige dos segmentos o periodos en Ver ▸ Capas ▸ Comparar</translation>
    </message>
    <message>
        <source>NPS of B ({1}) minus A ({0}); bold and solid: significant at 95 % (adjusted Wald)</source>
        <translation>NPS de B ({1}) menos A ({0}); en negrita y relleno: significativo al 95 % (Wald ajustado)</translation>
    </message>
    <message>
        <source>What drives the overall NPS</source>
        <translation>Qué impulsa el NPS global</translation>
    </message>
    <message>
        <source>Needs a survey with the overall NPS question and at least {0} answers per touchpoint</source>
        <translation>Hace falta una encuesta con la pregunta del NPS global y al menos {0} respuestas por punto de contacto</translation>
    </message>
    <message>
        <source>Correlation with the overall NPS score (Pearson r, 95 % interval)</source>
        <translation>Correlación con la puntuación del NPS global (r de Pearson, intervalo del 95 %)</translation>
    </message>
    <message>
        <source>Pin quote</source>
        <translation>Fijar cita</translation>
    </message>
    <message>
        <source>Unpin quote</source>
        <translation>Quitar cita</translation>
    </message>
    <message>
        <source>promoter</source>
        <translation>promotor</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>pasivo</translation>
    </message>
    <message>
        <source>detractor</source>
        <translation>detractor</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto de contacto</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Compare Segments or &amp;Periods…</source>
        <translation>Comparar se&amp;gmentos o periodos…</translation>
    </message>
    <message>
        <source>Show &amp;Comments</source>
        <translation>Mostrar co&amp;mentarios</translation>
    </message>
    <message>
        <source>Show Comments</source>
        <translation>Mostrar comentarios</translation>
    </message>
    <message>
        <source>Unpin Quote</source>
        <translation>Quitar cita</translation>
    </message>
    <message>
        <source>Quote pinned on “%1” (Quotes overlay)</source>
        <translation>Cita fijada en «%1» (capa Citas)</translation>
    </message>
    <message>
        <source>Quote unpinned (Edit ▸ Undo puts it back)</source>
        <translation>Cita quitada (Editar ▸ Deshacer la devuelve)</translation>
    </message>
    <message>
        <source>Flows: the journey customers took</source>
        <translation>Flujos: el recorrido que hicieron los clientes</translation>
    </message>
    <message>
        <source>No event log imported into this map (Data ▸ Import Events…).</source>
        <translation>No hay ningún registro de eventos importado en este mapa (Datos ▸ Importar eventos…).</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n cliente</numerusform>
            <numerusform>%n clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>Most common paths</source>
        <translation>Recorridos más frecuentes</translation>
    </message>
    <message>
        <source>Arrow width: customers who went from one card to the next.</source>
        <translation>Grosor de la flecha: clientes que pasaron de una tarjeta a la siguiente.</translation>
    </message>
    <message>
        <source>drawn and taken</source>
        <translation>dibujada y recorrida</translation>
    </message>
    <message>
        <source>“not drawn”: frequent, but no drawn connection shows it</source>
        <translation>«sin dibujar»: frecuente, pero ninguna conexión dibujada la muestra</translation>
    </message>
    <message>
        <source>“rarely taken”: drawn, but almost nobody takes it</source>
        <translation>«poco recorrida»: dibujada, pero casi nadie la recorre</translation>
    </message>
    <message>
        <source>taken (the map has no drawn connections to compare with)</source>
        <translation>recorrida (el mapa no tiene conexiones dibujadas con las que comparar)</translation>
    </message>
    <message>
        <source>on a card: customers whose last event it was (share of those who came)</source>
        <translation>en una tarjeta: clientes cuyo último evento fue ahí (proporción de los que llegaron)</translation>
    </message>
    <message>
        <source>on a card: share of those who came that later reached “%1”</source>
        <translation>en una tarjeta: proporción de los que llegaron que después alcanzaron «%1»</translation>
    </message>
    <message>
        <source>not drawn</source>
        <translation>sin dibujar</translation>
    </message>
    <message>
        <source>rarely taken</source>
        <translation>poco recorrida</translation>
    </message>
    <message>
        <source>Add persona “%1”</source>
        <translation>Añadir la persona «%1»</translation>
    </message>
    <message>
        <source>Edit persona</source>
        <translation>Editar persona</translation>
    </message>
    <message>
        <source>Delete persona</source>
        <translation>Eliminar persona</translation>
    </message>
    <message>
        <source>Change the map&apos;s personas</source>
        <translation>Cambiar las personas del mapa</translation>
    </message>
    <message>
        <source>Connect cards</source>
        <translation>Conectar tarjetas</translation>
    </message>
    <message>
        <source>Edit connection label</source>
        <translation>Editar la etiqueta de la conexión</translation>
    </message>
    <message>
        <source>Duplicate as future state</source>
        <translation>Duplicar como estado futuro</translation>
    </message>
    <message>
        <source>%1 (future state)</source>
        <translation>%1 (estado futuro)</translation>
    </message>
    <message>
        <source>Persona</source>
        <comment>slide title</comment>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Personas</source>
        <comment>slide title</comment>
        <translation>Personas</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a persona&apos;s quote</comment>
        <translation>«%1»</translation>
    </message>
    <message numerus="yes">
        <source>%Ln touchpoints</source>
        <translation>
            <numerusform>%Ln punto de contacto</numerusform>
            <numerusform>%Ln puntos de contacto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln nota</numerusform>
            <numerusform>%Ln notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln foto</numerusform>
            <numerusform>%Ln fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln personas</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln connections</source>
        <translation>
            <numerusform>%Ln conexión</numerusform>
            <numerusform>%Ln conexiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln import batches</source>
        <translation>
            <numerusform>%Ln importación</numerusform>
            <numerusform>%Ln importaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln maps</source>
        <translation>
            <numerusform>%Ln mapa</numerusform>
            <numerusform>%Ln mapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pinned quotes</source>
        <translation>
            <numerusform>%Ln cita fijada</numerusform>
            <numerusform>%Ln citas fijadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln persona assignments</source>
        <translation>
            <numerusform>%Ln asignación de persona</numerusform>
            <numerusform>%Ln asignaciones de personas</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Carril</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Pinned quote</source>
        <translation>Cita fijada</translation>
    </message>
    <message>
        <source>Persona assignment</source>
        <translation>Asignación de persona</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impacto</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Manual NPS</source>
        <translation>NPS manual</translation>
    </message>
    <message>
        <source>Manual sentiment</source>
        <translation>Sentimiento manual</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event logs</source>
        <translation>
            <numerusform>%Ln registro de eventos</numerusform>
            <numerusform>%Ln registros de eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>Promotores</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>Pasivos</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>Detractores</translation>
    </message>
    <message>
        <source>Expectation</source>
        <translation>Expectativa</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>Controllable</source>
        <translation>Controlable</translation>
    </message>
    <message>
        <source>Waiting time</source>
        <translation>Tiempo de espera</translation>
    </message>
    <message>
        <source>Current-state card</source>
        <translation>Tarjeta del estado actual</translation>
    </message>
    <message>
        <source>Blueprint line</source>
        <translation>Línea de blueprint</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Escrita el</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Biografía</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Necesidades</translation>
    </message>
    <message>
        <source>Frustrations</source>
        <translation>Frustraciones</translation>
    </message>
    <message>
        <source>From card</source>
        <translation>Tarjeta de origen</translation>
    </message>
    <message>
        <source>To card</source>
        <translation>Tarjeta de destino</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>Añadido: %1</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Cambiado: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln responses)</source>
        <translation>
            <numerusform>%1 (%Ln respuesta)</numerusform>
            <numerusform>%1 (%Ln respuestas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Survey imports: %1</source>
        <translation>Importaciones de encuestas: %1</translation>
    </message>
    <message>
        <source>Event logs: %1</source>
        <translation>Registros de eventos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln events)</source>
        <translation>
            <numerusform>%1 (%Ln evento)</numerusform>
            <numerusform>%1 (%Ln eventos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts to decide below</source>
        <translation>
            <numerusform>%n conflicto por decidir abajo</numerusform>
            <numerusform>%n conflictos por decidir abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletions proposed (none is applied unless you tick it)</source>
        <translation>
            <numerusform>%n eliminación propuesta (no se aplica si no la marcas)</numerusform>
            <numerusform>%n eliminaciones propuestas (ninguna se aplica si no la marcas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Authors: %1</source>
        <translation>Autores: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out: added to a card, stage or lane this document no longer has</source>
        <translation>
            <numerusform>%Ln omitido: añadido a una tarjeta, etapa o fila que este documento ya no tiene</numerusform>
            <numerusform>%Ln omitidos: añadidos a una tarjeta, etapa o fila que este documento ya no tiene</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to merge: %1 already has everything from %2.</source>
        <translation>Nada que combinar: %1 ya tiene todo lo de %2.</translation>
    </message>
    <message>
        <source>Merged into %1:</source>
        <translation>Combinado en %1:</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>añadido: %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>cambiado: %1</translation>
    </message>
    <message>
        <source>notes by %1</source>
        <translation>notas de %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln responses</source>
        <translation>
            <numerusform>%Ln respuesta</numerusform>
            <numerusform>%Ln respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln evento</numerusform>
            <numerusform>%Ln eventos</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>De %1: %2</translation>
    </message>
    <message>
        <source>From %1:</source>
        <translation>De %1:</translation>
    </message>
    <message>
        <source>Merge Changes</source>
        <translation>Combinar cambios</translation>
    </message>
    <message>
        <source>Changes from %1 to merge into %2:</source>
        <translation>Cambios de %1 para combinar en %2:</translation>
    </message>
    <message>
        <source>Conflicts: changed differently here and in the copy</source>
        <translation>Conflictos: cambiados de forma distinta aquí y en la copia</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Mine (this document)</source>
        <translation>Mío (este documento)</translation>
    </message>
    <message>
        <source>Theirs (the copy)</source>
        <translation>Suyo (la copia)</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Copy</source>
        <comment>a copy of the document</comment>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Keep All &amp;Mine</source>
        <translation>Conservar todo lo &amp;mío</translation>
    </message>
    <message>
        <source>Take All &amp;Theirs</source>
        <translation>Tomar todo lo &amp;suyo</translation>
    </message>
    <message>
        <source>Deleted in the copy: tick what to delete here too</source>
        <translation>Eliminado en la copia: marca lo que se elimina también aquí</translation>
    </message>
    <message>
        <source>Deleted in the copy</source>
        <translation>Eliminado en la copia</translation>
    </message>
    <message>
        <source>What you leave unticked stays here, and is not proposed again the next time you merge that copy.</source>
        <translation>Lo que dejes sin marcar se queda aquí y no se vuelve a proponer la próxima vez que combines esa copia.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Combinar</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>Note authors</source>
        <translation>Autores de notas</translation>
    </message>
    <message>
        <source>What each copy brings</source>
        <translation>Lo que trae cada copia</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mío</translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept as they were here</source>
        <translation>
            <numerusform>%Ln conservado como estaba aquí</numerusform>
            <numerusform>%Ln conservados como estaban aquí</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln taken from the copy</source>
        <translation>
            <numerusform>%Ln tomado de la copia</numerusform>
            <numerusform>%Ln tomados de la copia</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes kept in both versions</source>
        <translation>
            <numerusform>%Ln nota con ambas versiones</numerusform>
            <numerusform>%Ln notas con ambas versiones</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflictos: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln applied</source>
        <comment>a deletion</comment>
        <translation>
            <numerusform>%Ln aplicada</numerusform>
            <numerusform>%Ln aplicadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <comment>a deletion not applied</comment>
        <translation>
            <numerusform>%Ln conservada</numerusform>
            <numerusform>%Ln conservadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Deletions: %1</source>
        <translation>Eliminaciones: %1</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Suyo</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Ambas</translation>
    </message>
    <message>
        <source>Keep for %1</source>
        <translation>Conservar para %1</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <comment>a value another copy&apos;s row put in this document</comment>
        <translation>%1 (de %2)</translation>
    </message>
    <message>
        <source>%1 “%2” (deleted in %3)</source>
        <translation>%1 «%2» (eliminado en %3)</translation>
    </message>
    <message>
        <source>Add Lane of Kind</source>
        <translation>Añadir fila de tipo</translation>
    </message>
    <message>
        <source>Add Lane of &amp;Kind</source>
        <translation>Añadir fila de &amp;tipo</translation>
    </message>
    <message>
        <source>Duplicate as &amp;Future State</source>
        <translation>Duplicar como estado &amp;futuro</translation>
    </message>
    <message>
        <source>Copy this map as its future state, linked to it for comparison</source>
        <translation>Copia este mapa como su estado futuro, vinculado a él para compararlos</translation>
    </message>
    <message>
        <source>&amp;Compare with Current State…</source>
        <translation>&amp;Comparar con el estado actual…</translation>
    </message>
    <message>
        <source>Compare with current state</source>
        <translation>Comparar con el estado actual</translation>
    </message>
    <message>
        <source>This map is not a future state. Use Map ▸ Duplicate as Future State first, then compare the copy.</source>
        <translation>Este mapa no es un estado futuro. Usa primero Mapa ▸ Duplicar como estado futuro y compara después la copia.</translation>
    </message>
    <message>
        <source>Connection label</source>
        <translation>Etiqueta de la conexión</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Etiqueta:</translation>
    </message>
    <message>
        <source>SUR</source>
        <translation>ENC</translation>
    </message>
    <message>
        <source>INT</source>
        <translation>ENT</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>TKT</source>
        <translation>INC</translation>
    </message>
    <message>
        <source>CMP</source>
        <translation>COMP</translation>
    </message>
    <message>
        <source>STF</source>
        <translation>PER</translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation>&lt;1 min</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <source>influence</source>
        <translation>influencia</translation>
    </message>
    <message>
        <source>Expectation: %1</source>
        <translation>Expectativa: %1</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Evidencia: %1</translation>
    </message>
    <message>
        <source>Waiting time: %1</source>
        <translation>Tiempo de espera: %1</translation>
    </message>
    <message>
        <source>Influenced, not controlled</source>
        <translation>Se influye, no se controla</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entrevista</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>CRM data</source>
        <translation>Datos del CRM</translation>
    </message>
    <message>
        <source>Support tickets</source>
        <translation>Incidencias de soporte</translation>
    </message>
    <message>
        <source>Competitor review</source>
        <translation>Análisis de la competencia</translation>
    </message>
    <message>
        <source>Staff input</source>
        <translation>Aportación del personal</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>Merge changes from %1</source>
        <translation>Combinar cambios de %1</translation>
    </message>
    <message>
        <source>&amp;Merge Changes From…</source>
        <translation>Co&amp;mbinar cambios de…</translation>
    </message>
    <message>
        <source>Bring in what others added or changed in their copies of this document</source>
        <translation>Traer lo que otros añadieron o cambiaron en sus copias de este documento</translation>
    </message>
    <message>
        <source>Merge changes from copies</source>
        <translation>Combinar cambios de copias</translation>
    </message>
    <message>
        <source>JourneyMap documents (*.jmap)</source>
        <translation>Documentos de JourneyMap (*.jmap)</translation>
    </message>
    <message>
        <source>%1 is the document that is open: choose the copies others sent back.</source>
        <translation>%1 es el documento abierto: elige las copias que te devolvieron otros.</translation>
    </message>
    <message>
        <source>Comparing %1 with this document…</source>
        <translation>Comparando %1 con este documento…</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>Combinación cancelada; no se cambió nada.</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>Combinando %1…</translation>
    </message>
    <message>
        <source>%1 could not be merged into %2; nothing was changed.</source>
        <translation>%1 no se pudo combinar en %2; no se cambió nada.</translation>
    </message>
    <message>
        <source>Merged the changes from %1. Edit ▸ Undo takes the whole merge back.</source>
        <translation>Se combinaron los cambios de %1. Editar ▸ Deshacer anula toda la combinación.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln survey responses copied in.</source>
        <translation>
            <numerusform>%Ln respuesta de encuesta copiada.</numerusform>
            <numerusform>%Ln respuestas de encuesta copiadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln responses left out: their cards are not in this document.</source>
        <translation>
            <numerusform>%Ln respuesta omitida: su tarjeta no está en este documento.</numerusform>
            <numerusform>%Ln respuestas omitidas: sus tarjetas no están en este documento.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events copied in.</source>
        <translation>
            <numerusform>%Ln evento copiado.</numerusform>
            <numerusform>%Ln eventos copiados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events left out: their cards are not in this document.</source>
        <translation>
            <numerusform>%Ln evento omitido: su tarjeta no está en este documento.</numerusform>
            <numerusform>%Ln eventos omitidos: sus tarjetas no están en este documento.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsDock</name>
    <message>
        <source>Analytics</source>
        <translation>Analítica</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Which chart to show</source>
        <translation>Qué gráfico mostrar</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>&amp;Gráfico:</translation>
    </message>
    <message>
        <source>Segment filter</source>
        <translation>Filtro de segmento</translation>
    </message>
    <message>
        <source>Only count the answers of this segment</source>
        <translation>Contar solo las respuestas de este segmento</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segmento:</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>Guardar gráfico…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Guardar gráfico</translation>
    </message>
    <message>
        <source>Save the chart as a PNG or SVG image</source>
        <translation>Guardar el gráfico como imagen PNG o SVG</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>Mostrar &amp;todo</translation>
    </message>
    <message>
        <source>Open in Window</source>
        <translation>Abrir en una ventana</translation>
    </message>
    <message>
        <source>Show this chart in its own window, at any size</source>
        <translation>Mostrar este gráfico en su propia ventana, del tamaño que quieras</translation>
    </message>
    <message>
        <source>Drawing chart…</source>
        <translation>Dibujando el gráfico…</translation>
    </message>
    <message>
        <source>Overall NPS of the map</source>
        <translation>NPS global del mapa</translation>
    </message>
    <message>
        <source>Chart area</source>
        <translation>Área del gráfico</translation>
    </message>
    <message>
        <source>Charts appear here.</source>
        <translation>Los gráficos aparecen aquí.</translation>
    </message>
    <message>
        <source>Open a document to see its analytics.</source>
        <translation>Abre un documento para ver su analítica.</translation>
    </message>
    <message numerus="yes">
        <source>Draw all %Ln touchpoints, not only the best and the worst %1</source>
        <translation>
            <numerusform>Dibujar %Ln punto de contacto, no solo los %1 mejores y peores</numerusform>
            <numerusform>Dibujar los %Ln puntos de contacto, no solo los %1 mejores y peores</numerusform>
        </translation>
    </message>
    <message>
        <source>Overall NPS of the map: %1 (n = %2, ±%3)</source>
        <translation>NPS global del mapa: %1 (n = %2, ±%3)</translation>
    </message>
    <message>
        <source>NPS by touchpoint</source>
        <translation>NPS por punto de contacto</translation>
    </message>
    <message>
        <source>NPS and sentiment by stage</source>
        <translation>NPS y sentimiento por etapa</translation>
    </message>
    <message>
        <source>Promoters, passives, detractors</source>
        <translation>Promotores, pasivos, detractores</translation>
    </message>
    <message>
        <source>NPS trend of the selected touchpoint</source>
        <translation>Evolución del NPS del punto de contacto seleccionado</translation>
    </message>
    <message>
        <source>Priority matrix (impact × NPS)</source>
        <translation>Matriz de prioridades (impacto × NPS)</translation>
    </message>
    <message>
        <source>Comparison of two segments or periods</source>
        <translation>Comparación de dos segmentos o periodos</translation>
    </message>
    <message>
        <source>Drivers of the overall NPS</source>
        <translation>Impulsores del NPS global</translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation>Todos los encuestados</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be saved:
{0}</source>
        <translation>No se pudo guardar el gráfico:
{0}</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Hacer una foto</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Photo taken</source>
        <translation>Foto hecha</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Hacer foto</translation>
    </message>
    <message>
        <source>Take the photo (Space)</source>
        <translation>Hacer la foto (Espacio)</translation>
    </message>
    <message>
        <source>Retake</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Attach photo</source>
        <translation>Adjuntar foto</translation>
    </message>
    <message>
        <source>The camera reports a problem: %1</source>
        <translation>La cámara informa de un problema: %1</translation>
    </message>
    <message>
        <source>Taking the photo…</source>
        <translation>Haciendo la foto…</translation>
    </message>
    <message>
        <source>the photo is empty</source>
        <translation>la foto está vacía</translation>
    </message>
    <message>
        <source>Attach this photo, or retake it.</source>
        <translation>Adjunta esta foto o repítela.</translation>
    </message>
    <message>
        <source>Point the camera and press Take photo (Space).</source>
        <translation>Apunta con la cámara y pulsa Hacer foto (Espacio).</translation>
    </message>
    <message>
        <source>No camera is connected.</source>
        <translation>No hay ninguna cámara conectada.</translation>
    </message>
    <message>
        <source>Connect a camera, or attach a photo taken with another device.</source>
        <translation>Conecta una cámara o adjunta una foto hecha con otro dispositivo.</translation>
    </message>
    <message>
        <source>This installation of JourneyMap cannot use a camera.</source>
        <translation>Esta instalación de JourneyMap no puede usar una cámara.</translation>
    </message>
    <message>
        <source>Install the Qt Multimedia module (pip install PySide6-Addons), or attach a photo taken with another device.</source>
        <translation>Instala el módulo Qt Multimedia (pip install PySide6-Addons) o adjunta una foto hecha con otro dispositivo.</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Adjuntar un archivo…</translation>
    </message>
</context>
<context>
    <name>ChartRenderer</name>
    <message>
        <source>The chart could not be drawn.</source>
        <translation>No se pudo dibujar el gráfico.</translation>
    </message>
</context>
<context>
    <name>ChartWindow</name>
    <message>
        <source>Drawing chart…</source>
        <translation>Dibujando el gráfico…</translation>
    </message>
</context>
<context>
    <name>CommentsDock</name>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>Search comments (accents and case ignored)</source>
        <translation>Buscar en los comentarios (sin importar tildes ni mayúsculas)</translation>
    </message>
    <message>
        <source>Search comments</source>
        <translation>Buscar en los comentarios</translation>
    </message>
    <message>
        <source>Selected touchpoints</source>
        <translation>Puntos de contacto seleccionados</translation>
    </message>
    <message>
        <source>Stage of the selection</source>
        <translation>Etapa de la selección</translation>
    </message>
    <message>
        <source>Whole map</source>
        <translation>Todo el mapa</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>Detractores</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>Pasivos</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>Promotores</translation>
    </message>
    <message>
        <source>Any sentiment</source>
        <translation>Cualquier sentimiento</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutro</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>No sentiment</source>
        <translation>Sin sentimiento</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Más recientes primero</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Más antiguos primero</translation>
    </message>
    <message>
        <source>Lowest score first</source>
        <translation>Puntuación más baja primero</translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation>Puntuación más alta primero</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>Á&amp;mbito:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>Se&amp;gment:</source>
        <translation>Segme&amp;nto:</translation>
    </message>
    <message>
        <source>Se&amp;ntiment:</source>
        <translation>&amp;Sentimiento:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>&amp;Orden:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Pin as quote</source>
        <translation>&amp;Fijar como cita</translation>
    </message>
    <message>
        <source>Show this comment on its card (the Quotes overlay)</source>
        <translation>Muestra este comentario en su tarjeta (la capa Citas)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>Todos los segmentos</translation>
    </message>
    <message>
        <source>Select a touchpoint to read its comments, or choose Whole map.</source>
        <translation>Selecciona un punto de contacto para leer sus comentarios, o elige Todo el mapa.</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n comentario menciona «%1»</numerusform>
            <numerusform>%n comentarios mencionan «%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n comentario de detractor menciona «%1»</numerusform>
            <numerusform>%n comentarios de detractores mencionan «%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passive comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n comentario de pasivo menciona «%1»</numerusform>
            <numerusform>%n comentarios de pasivos mencionan «%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promoter comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n comentario de promotor menciona «%1»</numerusform>
            <numerusform>%n comentarios de promotores mencionan «%1»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comentario</numerusform>
            <numerusform>%n comentarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor comment(s)</source>
        <translation>
            <numerusform>%n comentario de detractor</numerusform>
            <numerusform>%n comentarios de detractores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passive comment(s)</source>
        <translation>
            <numerusform>%n comentario de pasivo</numerusform>
            <numerusform>%n comentarios de pasivos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promoter comment(s)</source>
        <translation>
            <numerusform>%n comentario de promotor</numerusform>
            <numerusform>%n comentarios de promotores</numerusform>
        </translation>
    </message>
    <message>
        <source>Detractors %1 · Passives %2 · Promoters %3</source>
        <translation>Detractores %1 · Pasivos %2 · Promotores %3</translation>
    </message>
    <message>
        <source>&amp;Unpin quote</source>
        <translation>&amp;Quitar cita</translation>
    </message>
    <message>
        <source>Take this comment off its card</source>
        <translation>Quita este comentario de su tarjeta</translation>
    </message>
    <message>
        <source>Unpin quote</source>
        <translation>Quitar cita</translation>
    </message>
    <message>
        <source>Pin as quote</source>
        <translation>Fijar como cita</translation>
    </message>
    <message>
        <source>Show the touchpoint</source>
        <translation>Mostrar el punto de contacto</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Cards show B minus A (▲ better, ▼ worse); bold when the difference is significant at 95 % (adjusted-Wald test).</source>
        <translation>Las tarjetas muestran B menos A (▲ mejor, ▼ peor); en negrita cuando la diferencia es significativa al 95 % (prueba de Wald ajustada).</translation>
    </message>
    <message>
        <source>Two &amp;segments</source>
        <translation>Dos &amp;segmentos</translation>
    </message>
    <message>
        <source>Two &amp;periods</source>
        <translation>Dos &amp;periodos</translation>
    </message>
    <message>
        <source>Segment A:</source>
        <translation>Segmento A:</translation>
    </message>
    <message>
        <source>Segment B:</source>
        <translation>Segmento B:</translation>
    </message>
    <message>
        <source>Period A:</source>
        <translation>Periodo A:</translation>
    </message>
    <message>
        <source>Period B:</source>
        <translation>Periodo B:</translation>
    </message>
    <message>
        <source>Choose two different segments.</source>
        <translation>Elige dos segmentos distintos.</translation>
    </message>
    <message>
        <source>A period ends before it starts.</source>
        <translation>Un periodo termina antes de empezar.</translation>
    </message>
</context>
<context>
    <name>ComparisonTexts</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n añadido</numerusform>
            <numerusform>%n añadidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n cambiado</numerusform>
            <numerusform>%n cambiados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n eliminado</numerusform>
            <numerusform>%n eliminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n sin cambios</numerusform>
            <numerusform>%n sin cambios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContextGroup</name>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Lane kind</source>
        <translation>Tipo de fila</translation>
    </message>
    <message>
        <source>&amp;Lane kind:</source>
        <translation>Tipo de &amp;fila:</translation>
    </message>
    <message>
        <source>We &amp;control this touchpoint</source>
        <translation>&amp;Controlamos este punto de contacto</translation>
    </message>
    <message>
        <source>Clear it for touchpoints you influence but do not control, such as reviews or word of mouth.</source>
        <translation>Desmárcalo en los puntos de contacto en los que influyes pero que no controlas, como las reseñas o el boca a boca.</translation>
    </message>
    <message>
        <source>Customer expectation</source>
        <translation>Expectativa del cliente</translation>
    </message>
    <message>
        <source>What the customer expects here</source>
        <translation>Qué espera el cliente aquí</translation>
    </message>
    <message>
        <source>E&amp;xpectation:</source>
        <translation>E&amp;xpectativa:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
    <message>
        <source>E&amp;vidence:</source>
        <translation>E&amp;videncia:</translation>
    </message>
    <message>
        <source>Waiting time in minutes</source>
        <translation>Tiempo de espera en minutos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Waiting time:</source>
        <translation>Tiempo de &amp;espera:</translation>
    </message>
</context>
<context>
    <name>CountBox</name>
    <message>
        <source>The stored count (%1) is too large to edit here.</source>
        <translation>El recuento guardado (%1) es demasiado grande para editarlo aquí.</translation>
    </message>
</context>
<context>
    <name>DocumentError</name>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: el archivo no existe.</translation>
    </message>
    <message>
        <source>%1: not a file.</source>
        <translation>%1: no es un archivo.</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1: la carpeta no existe.</translation>
    </message>
    <message>
        <source>%1: the file is empty; it is not a JourneyMap document.</source>
        <translation>%1: el archivo está vacío; no es un documento de JourneyMap.</translation>
    </message>
    <message>
        <source>%1: not a JourneyMap document (not an SQLite database).</source>
        <translation>%1: no es un documento de JourneyMap (no es una base de datos SQLite).</translation>
    </message>
    <message>
        <source>%1: not a JourneyMap document (it is an SQLite database of another application).</source>
        <translation>%1: no es un documento de JourneyMap (es una base de datos SQLite de otra aplicación).</translation>
    </message>
    <message>
        <source>%1: already exists; refusing to overwrite it.</source>
        <translation>%1: ya existe; no se sobrescribirá.</translation>
    </message>
    <message>
        <source>%1: the file is truncated or damaged (size %2 bytes).</source>
        <translation>%1: el archivo está truncado o dañado (tamaño: %2 bytes).</translation>
    </message>
    <message>
        <source>%1: the file is truncated (%2 bytes, %3 expected).</source>
        <translation>%1: el archivo está truncado (%2 bytes; se esperaban %3).</translation>
    </message>
    <message>
        <source>%1: cannot save a document over itself.</source>
        <translation>%1: no se puede guardar un documento sobre sí mismo.</translation>
    </message>
    <message>
        <source>%1: the document is open read-only.</source>
        <translation>%1: el documento está abierto en modo de solo lectura.</translation>
    </message>
    <message>
        <source>%1: the document is closed.</source>
        <translation>%1: el documento está cerrado.</translation>
    </message>
    <message>
        <source>%1: there is no touchpoint with id %2.</source>
        <translation>%1: no hay ningún punto de contacto con el id %2.</translation>
    </message>
    <message>
        <source>%1: the document changed while it was being opened.</source>
        <translation>%1: el documento cambió mientras se abría.</translation>
    </message>
    <message>
        <source>%1: cannot open the file (%2).</source>
        <translation>%1: no se puede abrir el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: this document was made by a newer JourneyMap (format %2; this version reads up to %3). Please update JourneyMap.</source>
        <translation>%1: este documento se creó con un JourneyMap más reciente (formato %2; esta versión lee hasta el %3). Actualiza JourneyMap.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>the document is damaged (missing %1)</source>
        <translation>el documento está dañado (falta %1)</translation>
    </message>
    <message>
        <source>the document contains objects JourneyMap did not create (%1); refusing to open it</source>
        <translation>el documento contiene objetos que JourneyMap no creó (%1); no se abre</translation>
    </message>
    <message>
        <source>the document&apos;s tables were altered outside JourneyMap (%1)</source>
        <translation>las tablas del documento se modificaron fuera de JourneyMap (%1)</translation>
    </message>
    <message>
        <source>%1: after upgrading from format %2, %3.</source>
        <translation>%1: tras actualizarlo desde el formato %2, %3.</translation>
    </message>
    <message>
        <source>%1: cannot write the copy (%2).</source>
        <translation>%1: no se puede escribir la copia (%2).</translation>
    </message>
    <message>
        <source>%1: the change could not be saved (%2).</source>
        <translation>%1: el cambio no se ha podido guardar (%2).</translation>
    </message>
    <message>
        <source>%1 row %2 does not exist.</source>
        <translation>%1: la fila %2 no existe.</translation>
    </message>
    <message>
        <source>%1: there is no %2 with id %3.</source>
        <translation>%1: no hay ningún elemento %2 con el id %3.</translation>
    </message>
    <message>
        <source>%1: cannot create the document (%2).</source>
        <translation>%1: no se puede crear el documento (%2).</translation>
    </message>
    <message>
        <source>%1: cannot open the document (%2).</source>
        <translation>%1: no se puede abrir el documento (%2).</translation>
    </message>
    <message>
        <source>%1: the document cannot be upgraded from format %2 (%3).</source>
        <translation>%1: el documento no se puede actualizar desde el formato %2 (%3).</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2).</source>
        <translation>%1: no se puede sustituir el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: stage %2 / lane %3 is not a cell of map %4.</source>
        <translation>%1: la etapa %2 y la fila %3 no son una celda del mapa %4.</translation>
    </message>
    <message>
        <source>%1: the document is already open in another window. You can open it read-only.</source>
        <translation>%1: el documento ya está abierto en otra ventana. Puedes abrirlo en modo de solo lectura.</translation>
    </message>
    <message>
        <source>%1: the file is truncated or damaged (%2 bytes).</source>
        <translation>%1: el archivo está truncado o dañado (%2 bytes).</translation>
    </message>
    <message>
        <source>%1: the document is damaged (%2).</source>
        <translation>%1: el documento está dañado (%2).</translation>
    </message>
    <message>
        <source>%1: the file is damaged or not a JourneyMap document (%2).</source>
        <translation>%1: el archivo está dañado o no es un documento de JourneyMap (%2).</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1: no se puede leer el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: cannot create the file (%2).</source>
        <translation>%1: no se puede crear el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: there is no map with id %2.</source>
        <translation>%1: no hay ningún mapa con el id %2.</translation>
    </message>
    <message>
        <source>%1: the file %2 beside it does not belong to this document (%3); nothing was changed. Move that file elsewhere to open the document as it is.</source>
        <translation>%1: el archivo %2 que está a su lado no pertenece a este documento (%3); no se ha cambiado nada. Mueve ese archivo a otra carpeta para abrir el documento tal como está.</translation>
    </message>
    <message>
        <source>%1: the document was not closed cleanly; open it for editing once so that the unfinished change is rolled back.</source>
        <translation>%1: el documento no se cerró correctamente; ábrelo una vez para editarlo y así se deshará el cambio que quedó a medias.</translation>
    </message>
    <message>
        <source>%1: cannot read the files beside it (%2).</source>
        <translation>%1: no se pueden leer los archivos que están a su lado (%2).</translation>
    </message>
    <message>
        <source>%1: another program is writing to the document; the change was not saved. Close that program (or finish its transaction) and try again.</source>
        <translation>%1: otro programa está escribiendo en el documento; el cambio no se ha guardado. Cierra ese programa (o termina su transacción) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>%1: the disk is full; the change was not saved.</source>
        <translation>%1: el disco está lleno; el cambio no se ha guardado.</translation>
    </message>
    <message>
        <source>%1: there is no import batch %2.</source>
        <translation>%1: no hay ninguna importación %2.</translation>
    </message>
    <message>
        <source>%1: touchpoint %2 has no note %3.</source>
        <translation>%1: el punto de contacto %2 no tiene la nota %3.</translation>
    </message>
    <message>
        <source>%1: there is no attachment %2.</source>
        <translation>%1: no hay ningún adjunto %2.</translation>
    </message>
    <message>
        <source>%1: there is no quote %2.</source>
        <translation>%1: no hay ninguna cita %2.</translation>
    </message>
    <message>
        <source>%1: the document cannot be shown (%2).</source>
        <translation>%1: no se puede mostrar el documento (%2).</translation>
    </message>
    <message>
        <source>%1: there is no persona with id %2.</source>
        <translation>%1: no hay ninguna persona con el id %2.</translation>
    </message>
    <message>
        <source>%1: there is no connection with id %2.</source>
        <translation>%1: no hay ninguna conexión con el id %2.</translation>
    </message>
    <message>
        <source>%1: cards %2 and %3 are not both cards of map %4.</source>
        <translation>%1: las tarjetas %2 y %3 no son ambas del mapa %4.</translation>
    </message>
</context>
<context>
    <name>EventImportDialog</name>
    <message>
        <source>&amp;Customer or session:</source>
        <translation>&amp;Cliente o sesión:</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Fecha y hora:</translation>
    </message>
    <message>
        <source>&amp;Touchpoint:</source>
        <translation>&amp;Punto de contacto:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>Ca&amp;nal:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Resultado:</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>Importar eventos</translation>
    </message>
    <message>
        <source>Event log file</source>
        <translation>Archivo del registro de eventos</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel (.xlsx) export of a CRM or web analytics</source>
        <translation>Elige una exportación CSV o Excel (.xlsx) de un CRM o de analítica web</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>One row per event: who (a customer or session id), when, and which touchpoint (a card&apos;s title or id). A channel and an outcome (purchase, churn…) are optional.</source>
        <translation>Una fila por evento: quién (un id de cliente o de sesión), cuándo y qué punto de contacto (el título o el id de una tarjeta). El canal y el resultado (compra, baja…) son opcionales.</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>Add the touchpoints the map does not have as &amp;new cards</source>
        <translation>Añadir como tarjetas &amp;nuevas los puntos de contacto que el mapa no tiene</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Event logs (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Registros de eventos (*.csv *.tsv *.txt *.xlsx *.xlsm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>No se puede leer el archivo.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Columna %1</translation>
    </message>
    <message>
        <source>Choose the columns of: %1.</source>
        <translation>Elige las columnas de: %1.</translation>
    </message>
    <message>
        <source>The same column is chosen twice.</source>
        <translation>La misma columna está elegida dos veces.</translation>
    </message>
    <message>
        <source>The first rows name touchpoints the map does not have: %1. Their events are rejected unless you add them as new cards.</source>
        <translation>Las primeras filas nombran puntos de contacto que el mapa no tiene: %1. Sus eventos se rechazan salvo que los añadas como tarjetas nuevas.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>PNG image</source>
        <translation>Imagen PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>Imagen vectorial SVG</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>Presentación de PowerPoint</translation>
    </message>
    <message>
        <source>PowerPoint presentation (*.pptx)</source>
        <translation>Presentación de PowerPoint (*.pptx)</translation>
    </message>
    <message>
        <source>CSV: touchpoints and metrics</source>
        <translation>CSV: puntos de contacto y métricas</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook: touchpoints and metrics</source>
        <translation>Libro de Excel: puntos de contacto y métricas</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON: the whole map</source>
        <translation>JSON: el mapa completo</translation>
    </message>
    <message>
        <source>JSON file (*.json)</source>
        <translation>Archivo JSON (*.json)</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>Curva emocional</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>One page sized to the map</source>
        <translation>Una página del tamaño del mapa</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Tabloid</source>
        <translation>Tabloide</translation>
    </message>
    <message>
        <source>16:9 slide</source>
        <translation>Diapositiva 16:9</translation>
    </message>
    <message>
        <source>The whole map on one page</source>
        <translation>El mapa completo en una página</translation>
    </message>
    <message>
        <source>Split over pages at a readable size</source>
        <translation>Repartido en páginas a un tamaño legible</translation>
    </message>
    <message>
        <source>Report: map, stages in full, charts, comments</source>
        <translation>Informe: mapa, etapas completas, gráficos, comentarios</translation>
    </message>
</context>
<context>
    <name>ExportError</name>
    <message>
        <source>%1: &apos;.%2&apos; is an image format; it needs the scene renderer.</source>
        <translation>%1: «.%2» es un formato de imagen; necesita el dibujo del mapa.</translation>
    </message>
    <message>
        <source>%1: unknown export format &apos;%2&apos; (use one of: %3).</source>
        <translation>%1: formato de exportación desconocido «%2» (usa uno de: %3).</translation>
    </message>
    <message>
        <source>the workbook is damaged: %1</source>
        <translation>el libro está dañado: %1</translation>
    </message>
    <message>
        <source>the workbook is incomplete: %1</source>
        <translation>el libro está incompleto: %1</translation>
    </message>
    <message>
        <source>%1: no such folder.</source>
        <translation>%1: la carpeta no existe.</translation>
    </message>
    <message>
        <source>%1: is a folder.</source>
        <translation>%1: es una carpeta.</translation>
    </message>
    <message>
        <source>%1: nothing was written.</source>
        <translation>%1: no se escribió nada.</translation>
    </message>
    <message>
        <source>%1: cannot write the file (%2).</source>
        <translation>%1: no se puede escribir el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: the file could not be written completely (%2); the previous file is unchanged.</source>
        <translation>%1: no se ha podido escribir el archivo completo (%2); el archivo anterior sigue intacto.</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an image format (png, svg or pdf).</source>
        <translation>%1: «%2» no es un formato de imagen (png, svg o pdf).</translation>
    </message>
    <message>
        <source>the map is empty; there is nothing to export.</source>
        <translation>el mapa está vacío; no hay nada que exportar.</translation>
    </message>
    <message>
        <source>a %1 × %2 px image is too large; choose a smaller scale or width.</source>
        <translation>una imagen de %1 × %2 px es demasiado grande; elige una escala o un ancho menores.</translation>
    </message>
    <message>
        <source>%1: cannot write the %2 file (the writer failed).</source>
        <translation>%1: no se puede escribir el archivo %2 (ha fallado la escritura).</translation>
    </message>
    <message>
        <source>the page margin must be between 0 and 50 mm, got %1.</source>
        <translation>el margen de la página debe estar entre 0 y 50 mm, no %1.</translation>
    </message>
    <message>
        <source>the image width must be at least 1 px, got %1.</source>
        <translation>el ancho de la imagen debe ser de al menos 1 px, no %1.</translation>
    </message>
    <message>
        <source>the scale must be a positive number, got %1.</source>
        <translation>la escala debe ser un número positivo, no %1.</translation>
    </message>
    <message>
        <source>not enough memory for a %1 × %2 px image.</source>
        <translation>no hay memoria suficiente para una imagen de %1 × %2 px.</translation>
    </message>
    <message>
        <source>not enough memory for a %1 × %2 px band.</source>
        <translation>no hay memoria suficiente para una franja de %1 × %2 px.</translation>
    </message>
    <message>
        <source>%1: cannot write the SVG file.</source>
        <translation>%1: no se puede escribir el archivo SVG.</translation>
    </message>
    <message>
        <source>unknown page &apos;%1&apos; (use one of: %2).</source>
        <translation>página desconocida «%1» (usa una de estas: %2).</translation>
    </message>
    <message>
        <source>the PNG file is incomplete</source>
        <translation>el archivo PNG está incompleto</translation>
    </message>
    <message>
        <source>the PDF file is incomplete</source>
        <translation>el archivo PDF está incompleto</translation>
    </message>
    <message>
        <source>the SVG file is not well-formed: %1</source>
        <translation>el archivo SVG no está bien formado: %1</translation>
    </message>
    <message>
        <source>the SVG writer wrote an unexpected file</source>
        <translation>el generador de SVG escribió un archivo inesperado</translation>
    </message>
    <message>
        <source>%1: the page size is not supported.</source>
        <translation>%1: el tamaño de página no es compatible.</translation>
    </message>
    <message>
        <source>%1: cannot write the PDF file.</source>
        <translation>%1: no se puede escribir el archivo PDF.</translation>
    </message>
    <message>
        <source>%1: cannot write the PNG file (%2).</source>
        <translation>%1: no se puede escribir el archivo PNG (%2).</translation>
    </message>
    <message>
        <source>there is no map to export.</source>
        <translation>no hay ningún mapa que exportar.</translation>
    </message>
    <message>
        <source>%1: cannot write the PowerPoint file (%2).</source>
        <translation>%1: no se puede escribir el archivo de PowerPoint (%2).</translation>
    </message>
    <message>
        <source>%1: the comparison exports as .png or .pdf.</source>
        <translation>%1: la comparación se exporta como .png o .pdf.</translation>
    </message>
</context>
<context>
    <name>FieldMode</name>
    <message>
        <source>&amp;Walk the Journey</source>
        <translation>&amp;Recorrer el viaje</translation>
    </message>
    <message>
        <source>Step through the touchpoints one at a time, for notes, scores and photos</source>
        <translation>Recorre los puntos de contacto uno a uno para añadir notas, puntuaciones y fotos</translation>
    </message>
    <message>
        <source>&amp;Focus</source>
        <translation>&amp;Modo enfoque</translation>
    </message>
    <message>
        <source>Hide the panels and the toolbar to give the map the whole window</source>
        <translation>Oculta los paneles y la barra de herramientas para que el mapa ocupe toda la ventana</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import survey responses</source>
        <translation>Importar respuestas de encuesta</translation>
    </message>
    <message>
        <source>Survey file</source>
        <translation>Archivo de la encuesta</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel (.xlsx) file</source>
        <translation>Elige un archivo CSV o Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Hoja:</translation>
    </message>
    <message>
        <source>Wide: one row per respondent, one column per touchpoint</source>
        <translation>Ancho: una fila por encuestado, una columna por punto de contacto</translation>
    </message>
    <message>
        <source>Long: one row per answer, with a touchpoint column</source>
        <translation>Largo: una fila por respuesta, con una columna de punto de contacto</translation>
    </message>
    <message>
        <source>Layout of the file</source>
        <translation>Formato del archivo</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Primeras filas del archivo</translation>
    </message>
    <message>
        <source>NPS per touchpoint of the first rows</source>
        <translation>NPS por punto de contacto de las primeras filas</translation>
    </message>
    <message>
        <source>NPS per touchpoint from the first rows (what the import will add):</source>
        <translation>NPS por punto de contacto de las primeras filas (lo que añadirá la importación):</translation>
    </message>
    <message>
        <source>&amp;Remember this mapping for files like this one, as:</source>
        <translation>&amp;Recordar esta asignación para archivos como este, como:</translation>
    </message>
    <message>
        <source>Import profile name</source>
        <translation>Nombre del perfil de importación</translation>
    </message>
    <message>
        <source>CSV file, encoding %1, separator “%2”.</source>
        <translation>Archivo CSV, codificación %1, separador «%2».</translation>
    </message>
    <message>
        <source>Excel workbook, sheet “%1”.</source>
        <translation>Libro de Excel, hoja «%1».</translation>
    </message>
    <message>
        <source>Qualtrics export</source>
        <translation>Exportación de Qualtrics</translation>
    </message>
    <message>
        <source>SurveyMonkey export</source>
        <translation>Exportación de SurveyMonkey</translation>
    </message>
    <message>
        <source>Detected layout: wide (one row per respondent, one column per touchpoint).</source>
        <translation>Formato detectado: ancho (una fila por encuestado, una columna por punto de contacto).</translation>
    </message>
    <message>
        <source>Detected layout: long (one row per answer).</source>
        <translation>Formato detectado: largo (una fila por respuesta).</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto de contacto</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message numerus="yes">
        <source>From the first %Ln rows.</source>
        <translation>
            <numerusform>De la primera fila.</numerusform>
            <numerusform>De las primeras %Ln filas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overall NPS: %1 (%Ln answers).</source>
        <translation>
            <numerusform>NPS global: %1 (%Ln respuesta).</numerusform>
            <numerusform>NPS global: %1 (%Ln respuestas).</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported, they name no touchpoint (map them above): %1</source>
        <translation>No se importan, no nombran ningún punto de contacto (asígnalas arriba): %1</translation>
    </message>
    <message>
        <source>Choose the score column.</source>
        <translation>Elige la columna de puntuación.</translation>
    </message>
    <message>
        <source>No column names a touchpoint of this map: choose what the columns are about.</source>
        <translation>Ninguna columna nombra un punto de contacto de este mapa: elige de qué trata cada columna.</translation>
    </message>
    <message>
        <source>This file was already imported into this map (%1). Importing it again adds its answers twice.</source>
        <translation>Este archivo ya se importó en este mapa (%1). Si lo importas otra vez, sus respuestas se sumarán dos veces.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Survey files (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Archivos de encuesta (*.csv *.tsv *.txt *.xlsx *.xlsm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulador</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espacio</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Columna %1</translation>
    </message>
    <message>
        <source>Choose the column that names the touchpoint.</source>
        <translation>Elige la columna que identifica el punto de contacto.</translation>
    </message>
    <message>
        <source>Aggregated file: each row adds that many promoters (10), passives (8) and detractors (0).</source>
        <translation>Archivo agregado: cada fila añade esa cantidad de promotores (10), pasivos (8) y detractores (0).</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>%1: the sheet or file is empty (no header row).</source>
        <translation>%1: la hoja o el archivo está vacío (no hay fila de cabecera).</translation>
    </message>
    <message>
        <source>%1: the file is empty (no header row).</source>
        <translation>%1: el archivo está vacío (no hay fila de cabecera).</translation>
    </message>
    <message>
        <source>%1: no touchpoint column found among %2; choose the column explicitly.</source>
        <translation>%1: no se encontró la columna del punto de contacto entre %2; elige la columna explícitamente.</translation>
    </message>
    <message>
        <source>%1: no score column (nor promoters/passives/detractors counts) found among %2; choose the column explicitly.</source>
        <translation>%1: no se encontró la columna de la puntuación (ni recuentos de promotores/pasivos/detractores) entre %2; elige la columna explícitamente.</translation>
    </message>
    <message>
        <source>%1: the same column is chosen for %2.</source>
        <translation>%1: se eligió la misma columna para %2.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: not a CSV or text file (it contains NUL bytes or other binary data); import a .csv, .txt, .tsv or .xlsx file.</source>
        <translation>%1: no es un archivo CSV ni de texto (contiene bytes NUL u otros datos binarios); importa un archivo .csv, .txt, .tsv o .xlsx.</translation>
    </message>
    <message>
        <source>%1: the file is not valid %2 text (undecodable byte near row %3).</source>
        <translation>%1: el archivo no es texto %2 válido (byte no descodificable cerca de la fila %3).</translation>
    </message>
    <message>
        <source>%1: row %2: malformed CSV (%3).</source>
        <translation>%1: fila %2: CSV mal formado (%3).</translation>
    </message>
    <message>
        <source>%1: the header row has %2 columns (at most %3); this does not look like a survey file.</source>
        <translation>%1: la fila de cabecera tiene %2 columnas (como máximo %3); no parece un archivo de encuesta.</translation>
    </message>
    <message>
        <source>%1: not a valid .xlsx file (damaged zip archive: %2).</source>
        <translation>%1: no es un archivo .xlsx válido (archivo zip dañado: %2).</translation>
    </message>
    <message>
        <source>%1: not a valid .xlsx file (it is not a zip archive).</source>
        <translation>%1: no es un archivo .xlsx válido (no es un archivo zip).</translation>
    </message>
    <message>
        <source>%1: not an Excel .xlsx workbook (no workbook inside the zip archive).</source>
        <translation>%1: no es un libro de Excel .xlsx (no hay ningún libro dentro del archivo zip).</translation>
    </message>
    <message>
        <source>%1: refusing to open: the workbook would expand to %2 MB.</source>
        <translation>%1: no se abre: el libro ocuparía %2 MB descomprimido.</translation>
    </message>
    <message>
        <source>%1: refusing to open: %2 expands %3-fold (a zip bomb?).</source>
        <translation>%1: no se abre: %2 se expande %3 veces (¿una bomba zip?).</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: el archivo no existe.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1: no se puede leer el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: cannot read the workbook (%2).</source>
        <translation>%1: no se puede leer el libro (%2).</translation>
    </message>
    <message>
        <source>%1: the workbook is damaged (%2: %3).</source>
        <translation>%1: el libro está dañado (%2: %3).</translation>
    </message>
    <message>
        <source>%1: the sheet is damaged near row %2 (%3: %4).</source>
        <translation>%1: la hoja está dañada cerca de la fila %2 (%3: %4).</translation>
    </message>
    <message>
        <source>%1: no sheet named %2 (sheets: %3).</source>
        <translation>%1: no hay ninguna hoja llamada %2 (hojas: %3).</translation>
    </message>
    <message>
        <source>%1: the workbook has no worksheet.</source>
        <translation>%1: el libro no tiene ninguna hoja de cálculo.</translation>
    </message>
    <message>
        <source>%1: is a folder, not a file.</source>
        <translation>%1: es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>%1: this is an old Excel .xls workbook; save it as .xlsx or CSV and import that.</source>
        <translation>%1: es un libro antiguo de Excel .xls; guárdalo como .xlsx o CSV e importa ese archivo.</translation>
    </message>
    <message>
        <source>column %1 is out of range (the file has %2 columns)</source>
        <translation>la columna %1 está fuera de rango (el archivo tiene %2 columnas)</translation>
    </message>
    <message>
        <source>no column named %1 (columns: %2)</source>
        <translation>no hay ninguna columna llamada %1 (columnas: %2)</translation>
    </message>
    <message>
        <source>unknown field %1 (fields: %2)</source>
        <translation>campo desconocido %1 (campos: %2)</translation>
    </message>
    <message>
        <source>%1: row %2 is longer than %3 characters; this does not look like a survey file.</source>
        <translation>%1: la fila %2 tiene más de %3 caracteres; no parece un archivo de encuestas.</translation>
    </message>
    <message>
        <source>%1: no column names a touchpoint of this map (columns: %2); map the columns to touchpoints explicitly.</source>
        <translation>%1: ninguna columna nombra un punto de contacto de este mapa (columnas: %2); asigna las columnas a puntos de contacto explícitamente.</translation>
    </message>
    <message>
        <source>%1: this file was already imported into this map (%2, %3); nothing was changed.</source>
        <translation>%1: este archivo ya se importó en este mapa (%2, %3); no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>%1: no import profile named %2 (profiles: %3).</source>
        <translation>%1: no hay ningún perfil de importación llamado %2 (perfiles: %3).</translation>
    </message>
    <message>
        <source>%1: there is no touchpoint %2 in this map.</source>
        <translation>%1: no hay ningún punto de contacto %2 en este mapa.</translation>
    </message>
    <message>
        <source>%1: unknown field %2 (fields: %3, ignore or a touchpoint id).</source>
        <translation>%1: campo desconocido %2 (campos: %3, ignore o el id de un punto de contacto).</translation>
    </message>
    <message>
        <source>%1: no customer or session id column found among %2; choose the column explicitly.</source>
        <translation>%1: no se encontró ninguna columna de id de cliente o de sesión entre %2; elige la columna explícitamente.</translation>
    </message>
    <message>
        <source>%1: no timestamp column found among %2; choose the column explicitly.</source>
        <translation>%1: no se encontró ninguna columna de fecha y hora entre %2; elige la columna explícitamente.</translation>
    </message>
    <message>
        <source>%1: the map has no stage or lane to put new cards in.</source>
        <translation>%1: el mapa no tiene ninguna etapa o fila donde poner las tarjetas nuevas.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>Historial de importaciones</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Responses of a survey, events of an event log</source>
        <translation>Respuestas de una encuesta, eventos de un registro de eventos</translation>
    </message>
    <message>
        <source>Imports into this map</source>
        <translation>Importaciones en este mapa</translation>
    </message>
    <message>
        <source>No survey data or event log has been imported into this map.</source>
        <translation>No se han importado datos de encuestas ni registros de eventos en este mapa.</translation>
    </message>
    <message>
        <source>Remove this import and all its rows (undoable)</source>
        <translation>Quitar esta importación y todas sus filas (se puede deshacer)</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Registro de eventos</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>ImportNote</name>
    <message>
        <source>Import profile %1 applied.</source>
        <translation>Se ha aplicado el perfil de importación %1.</translation>
    </message>
    <message>
        <source>Header rows after the first, read as headers: %1.</source>
        <translation>Filas de cabecera tras la primera, leídas como cabecera: %1.</translation>
    </message>
    <message>
        <source>%1: values 1-11 are Qualtrics&apos; default recode of 0-10; read as value - 1.</source>
        <translation>%1: los valores 1-11 son la recodificación por defecto de Qualtrics de 0-10; se leen como valor - 1.</translation>
    </message>
    <message>
        <source>%1: a 1-5 satisfaction scale, imported as sentiment (-1..+1), not as NPS.</source>
        <translation>%1: una escala de satisfacción 1-5, importada como sentimiento (-1..+1), no como NPS.</translation>
    </message>
    <message>
        <source>%1: a 1-7 satisfaction scale, imported as sentiment (-1..+1), not as NPS.</source>
        <translation>%1: una escala de satisfacción 1-7, importada como sentimiento (-1..+1), no como NPS.</translation>
    </message>
    <message>
        <source>%1: a derived column (group or category), not a score; ignored.</source>
        <translation>%1: una columna derivada (grupo o categoría), no una puntuación; se ignora.</translation>
    </message>
    <message>
        <source>%1: the overall NPS of the map (it names no touchpoint).</source>
        <translation>%1: el NPS global del mapa (no nombra ningún punto de contacto).</translation>
    </message>
    <message>
        <source>%1: names a title several touchpoints share; not imported.</source>
        <translation>%1: nombra un título que comparten varios puntos de contacto; no se importa.</translation>
    </message>
    <message>
        <source>%1: names no touchpoint of this map; not imported.</source>
        <translation>%1: no nombra ningún punto de contacto de este mapa; no se importa.</translation>
    </message>
    <message>
        <source>Dates in %1 read day first (from their values).</source>
        <translation>Fechas de %1 leídas con el día primero (según sus valores).</translation>
    </message>
    <message>
        <source>Dates in %1 read month first (from their values).</source>
        <translation>Fechas de %1 leídas con el mes primero (según sus valores).</translation>
    </message>
    <message>
        <source>Dates in %1 read day first: the values allow both, and the file looks Spanish-locale.</source>
        <translation>Fechas de %1 leídas con el día primero: los valores admiten ambos órdenes y el archivo parece de configuración regional española.</translation>
    </message>
    <message>
        <source>Dates in %1 read month first: the values allow both.</source>
        <translation>Fechas de %1 leídas con el mes primero: los valores admiten ambos órdenes.</translation>
    </message>
    <message>
        <source>Dates in %1 read day first: the values allow both, so the app&apos;s language decides.</source>
        <translation>Fechas de %1 leídas con el día primero: los valores admiten ambos órdenes, así que decide el idioma de la aplicación.</translation>
    </message>
    <message>
        <source>Dates in %1 read month first: the values allow both, so the app&apos;s language decides.</source>
        <translation>Fechas de %1 leídas con el mes primero: los valores admiten ambos órdenes, así que decide el idioma de la aplicación.</translation>
    </message>
    <message>
        <source>Overall NPS answers stored: %1.</source>
        <translation>Respuestas de NPS global guardadas: %1.</translation>
    </message>
    <message>
        <source>Answers with a sentiment and no 0-10 score: %1.</source>
        <translation>Respuestas con sentimiento y sin puntuación 0-10: %1.</translation>
    </message>
    <message>
        <source>Answers whose date could not be read (imported without a date): %1.</source>
        <translation>Respuestas cuya fecha no se pudo leer (importadas sin fecha): %1.</translation>
    </message>
    <message>
        <source>Unanswered cells skipped (blank, N/A, No aplica): %1.</source>
        <translation>Celdas sin respuesta omitidas (vacías, N/A, No aplica): %1.</translation>
    </message>
</context>
<context>
    <name>ImportSteps</name>
    <message>
        <source>This file was already imported into this map (%1). Import it again?</source>
        <translation>Este archivo ya se importó en este mapa (%1). ¿Importarlo de nuevo?</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows rejected</source>
        <translation>
            <numerusform>%Ln fila rechazada</numerusform>
            <numerusform>%Ln filas rechazadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln responses from %1</source>
        <translation>
            <numerusform>Se importó %Ln respuesta de %1</numerusform>
            <numerusform>Se importaron %Ln respuestas de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from %1 (%2); the document is unchanged.</source>
        <translation>No se importó nada de %1 (%2); el documento no ha cambiado.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Filas rechazadas</translation>
    </message>
    <message>
        <source>Only the first %1 rejected rows are listed.</source>
        <translation>Solo se muestran las primeras %1 filas rechazadas.</translation>
    </message>
    <message>
        <source>&amp;Save Rejected Rows…</source>
        <translation>&amp;Guardar filas rechazadas…</translation>
    </message>
    <message>
        <source>Save Rejected Rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved: %1</source>
        <translation>No se pudieron guardar las filas rechazadas: %1</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation>Punto de contacto</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>What happens at this touchpoint?</source>
        <translation>¿Qué ocurre en este punto de contacto?</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>No channel</source>
        <translation>Sin canal</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;anal:</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiva</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutra</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativa</translation>
    </message>
    <message>
        <source>Sensation: %1</source>
        <translation>Sensación: %1</translation>
    </message>
    <message>
        <source>Sensation:</source>
        <translation>Sensación:</translation>
    </message>
    <message>
        <source>&amp;Moment of truth</source>
        <translation>&amp;Momento de la verdad</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>Momento de la verdad</translation>
    </message>
    <message>
        <source>A moment that makes or breaks the customer&apos;s opinion.</source>
        <translation>Un momento que decide la opinión del cliente, para bien o para mal.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Team or person responsible</source>
        <translation>Equipo o persona responsable</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Responsable:</translation>
    </message>
    <message>
        <source> / 5</source>
        <translation> / 5</translation>
    </message>
    <message>
        <source>Impact, 1 to 5</source>
        <translation>Impacto, de 1 a 5</translation>
    </message>
    <message>
        <source>&amp;Impact:</source>
        <translation>&amp;Impacto:</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>e.g. onboarding, billing</source>
        <translation>p. ej., onboarding, facturación</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Etiquetas:</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Puntuaciones</translation>
    </message>
    <message>
        <source>Effective scores</source>
        <translation>Puntuaciones vigentes</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Enter a manual NPS</source>
        <translation>Introducir un NPS manual</translation>
    </message>
    <message>
        <source>Manual NPS, -100 to 100</source>
        <translation>NPS manual, de -100 a 100</translation>
    </message>
    <message>
        <source>Manual &amp;NPS:</source>
        <translation>&amp;NPS manual:</translation>
    </message>
    <message>
        <source>Enter answer counts</source>
        <translation>Introducir recuentos de respuestas</translation>
    </message>
    <message>
        <source>Enter counts of promoters, passives and detractors</source>
        <translation>Introducir los recuentos de promotores, pasivos y detractores</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>Promotores</translation>
    </message>
    <message>
        <source>Passives</source>
        <translation>Pasivos</translation>
    </message>
    <message>
        <source>Detractors</source>
        <translation>Detractores</translation>
    </message>
    <message>
        <source>Number of %1</source>
        <translation>Número de %1</translation>
    </message>
    <message>
        <source>NPS computed from the counts</source>
        <translation>NPS calculado a partir de los recuentos</translation>
    </message>
    <message>
        <source>Manual sentiment</source>
        <translation>Sentimiento manual</translation>
    </message>
    <message>
        <source>&amp;Sentiment:</source>
        <translation>&amp;Sentimiento:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>Personalizado (%1)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Aún no hay notas.</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Escribe una nota…</translation>
    </message>
    <message>
        <source>Note author</source>
        <translation>Autor de la nota</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected note</source>
        <translation>Eliminar la nota seleccionada</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>No hay ningún documento abierto</translation>
    </message>
    <message>
        <source>No touchpoint selected</source>
        <translation>No hay ningún punto de contacto seleccionado</translation>
    </message>
    <message>
        <source>(untitled touchpoint)</source>
        <translation>(punto de contacto sin título)</translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints selected</source>
        <translation>
            <numerusform>%n punto de contacto seleccionado</numerusform>
            <numerusform>%n puntos de contacto seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>Open or create a document to edit its touchpoints.</source>
        <translation>Abre o crea un documento para editar sus puntos de contacto.</translation>
    </message>
    <message>
        <source>Select a card on the map to edit its details, scores and notes. Select several to change their channel, sensation or moment of truth together.</source>
        <translation>Selecciona una tarjeta del mapa para editar sus detalles, puntuaciones y notas. Selecciona varias para cambiar a la vez su canal, sensación o momento de la verdad.</translation>
    </message>
    <message>
        <source>(several channels)</source>
        <translation>(varios canales)</translation>
    </message>
    <message>
        <source>→ NPS %1 ± %2 (n = %3)</source>
        <translation>→ NPS %1 ± %2 (n = %3)</translation>
    </message>
    <message>
        <source>→ NPS: no answers</source>
        <translation>→ NPS: sin respuestas</translation>
    </message>
    <message>
        <source>NPS: none yet</source>
        <translation>NPS: aún no hay</translation>
    </message>
    <message>
        <source>NPS: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>NPS: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(n = %1)</source>
        <translation>(n = %1)</translation>
    </message>
    <message>
        <source>Sentiment: none yet</source>
        <translation>Sentimiento: aún no hay</translation>
    </message>
    <message>
        <source>Sentiment: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Sentimiento: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message numerus="yes">
        <source>From %n survey responses; they take precedence over manual values.</source>
        <translation>
            <numerusform>De %n respuesta de encuesta; tiene prioridad sobre los valores manuales.</numerusform>
            <numerusform>De %n respuestas de encuesta; tienen prioridad sobre los valores manuales.</numerusform>
        </translation>
    </message>
    <message>
        <source>From the manual values below.</source>
        <translation>A partir de los valores manuales de abajo.</translation>
    </message>
    <message>
        <source>No survey responses or manual values yet.</source>
        <translation>Aún no hay respuestas de encuesta ni valores manuales.</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segmento: %1</translation>
    </message>
    <message>
        <source>Rename touchpoint</source>
        <translation>Renombrar punto de contacto</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>Editar descripción</translation>
    </message>
    <message>
        <source>Change channel</source>
        <translation>Cambiar canal</translation>
    </message>
    <message>
        <source>Change sensation</source>
        <translation>Cambiar sensación</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>Cambiar responsable</translation>
    </message>
    <message>
        <source>Change impact</source>
        <translation>Cambiar impacto</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>Cambiar etiquetas</translation>
    </message>
    <message>
        <source>Manual NPS</source>
        <translation>NPS manual</translation>
    </message>
    <message>
        <source>Answer counts</source>
        <translation>Recuentos de respuestas</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
</context>
<context>
    <name>LaneKinds</name>
    <message>
        <source>Touchpoints</source>
        <translation>Puntos de contacto</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation>Acciones del cliente</translation>
    </message>
    <message>
        <source>Thoughts and feelings</source>
        <translation>Pensamientos y sentimientos</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Emociones</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Puntos de fricción</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Oportunidades</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>Backstage and support</source>
        <translation>Trastienda y soporte</translation>
    </message>
    <message>
        <source>Photos (storyboard)</source>
        <translation>Fotos (storyboard)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Interactions with the customer; they carry NPS and sentiment.</source>
        <translation>Interacciones con el cliente; llevan NPS y sentimiento.</translation>
    </message>
    <message>
        <source>What the customer does at each stage.</source>
        <translation>Lo que hace el cliente en cada etapa.</translation>
    </message>
    <message>
        <source>What the customer thinks and feels.</source>
        <translation>Lo que piensa y siente el cliente.</translation>
    </message>
    <message>
        <source>The emotional curve: the sensation of each card.</source>
        <translation>La curva emocional: la sensación de cada tarjeta.</translation>
    </message>
    <message>
        <source>What goes wrong for the customer.</source>
        <translation>Lo que le sale mal al cliente.</translation>
    </message>
    <message>
        <source>Ideas to improve the experience.</source>
        <translation>Ideas para mejorar la experiencia.</translation>
    </message>
    <message>
        <source>Where interactions happen; they carry NPS and sentiment.</source>
        <translation>Dónde ocurren las interacciones; llevan NPS y sentimiento.</translation>
    </message>
    <message>
        <source>Processes and staff the customer does not see.</source>
        <translation>Procesos y personal que el cliente no ve.</translation>
    </message>
    <message>
        <source>A storyboard: each card shows its first photo large.</source>
        <translation>Un storyboard: cada tarjeta muestra su primera foto en grande.</translation>
    </message>
    <message>
        <source>Free notes.</source>
        <translation>Notas libres.</translation>
    </message>
    <message>
        <source>Line of interaction</source>
        <translation>Línea de interacción</translation>
    </message>
    <message>
        <source>Line of visibility</source>
        <translation>Línea de visibilidad</translation>
    </message>
    <message>
        <source>Line of internal interaction</source>
        <translation>Línea de interacción interna</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JourneyMap documents (*.jmap)</source>
        <translation>Documentos de JourneyMap (*.jmap)</translation>
    </message>
    <message>
        <source>Document in use</source>
        <translation>Documento en uso</translation>
    </message>
    <message>
        <source>%1

Open it read-only?</source>
        <translation>%1

¿Abrirlo en modo de solo lectura?</translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation>No se puede abrir el documento</translation>
    </message>
    <message>
        <source>%1 could not be shown (%2). The document that was open before stays open.</source>
        <translation>No se ha podido mostrar %1 (%2). El documento que estaba abierto sigue abierto.</translation>
    </message>
    <message>
        <source>The survey responses stored in %1 are damaged (%2). Reports, overlays and charts may be wrong or fail. Restore a backup of the document, or remove the imports in Data ▸ Import History and import the surveys again.</source>
        <translation>Las respuestas de encuesta guardadas en %1 están dañadas (%2). Los informes, las capas y los gráficos pueden ser incorrectos o fallar. Restaura una copia de seguridad del documento, o elimina las importaciones en Datos ▸ Historial de importaciones y vuelve a importar las encuestas.</translation>
    </message>
    <message>
        <source>Damaged document</source>
        <translation>Documento dañado</translation>
    </message>
    <message>
        <source>New journey map</source>
        <translation>Nuevo mapa de experiencia del cliente</translation>
    </message>
    <message>
        <source>Cannot create the document</source>
        <translation>No se puede crear el documento</translation>
    </message>
    <message>
        <source>New document</source>
        <translation>Nuevo documento</translation>
    </message>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 ya existe; elige otro nombre.</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>Abrir documento</translation>
    </message>
    <message>
        <source>Cannot save the document</source>
        <translation>No se puede guardar el documento</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Vaciar la lista</translation>
    </message>
    <message>
        <source>No recent documents</source>
        <translation>No hay documentos recientes</translation>
    </message>
    <message>
        <source>&amp;NPS badges</source>
        <translation>Indicadores de &amp;NPS</translation>
    </message>
    <message>
        <source>&amp;Sentiment</source>
        <translation>&amp;Sentimiento</translation>
    </message>
    <message>
        <source>&amp;Emotion curve</source>
        <translation>Curva &amp;emocional</translation>
    </message>
    <message>
        <source>&amp;Photos</source>
        <translation>&amp;Fotos</translation>
    </message>
    <message>
        <source>F&amp;lows (event logs)</source>
        <translation>F&amp;lujos (registros de eventos)</translation>
    </message>
</context>
<context>
    <name>MapJsonError</name>
    <message>
        <source>%1 is not a valid JSON number.</source>
        <translation>%1 no es un número JSON válido.</translation>
    </message>
    <message>
        <source>%1: not a regular file.</source>
        <translation>%1: no es un archivo normal.</translation>
    </message>
    <message>
        <source>%1: the file is too large for a map (%2 bytes).</source>
        <translation>%1: el archivo es demasiado grande para un mapa (%2 bytes).</translation>
    </message>
    <message>
        <source>%1.%2: must be %3, got %4.</source>
        <translation>%1.%2: debe ser %3, no %4.</translation>
    </message>
    <message>
        <source>not a JourneyMap map file (&quot;format&quot; is %1, expected %2).</source>
        <translation>no es un archivo de mapa de JourneyMap («format» es %1; se esperaba %2).</translation>
    </message>
    <message>
        <source>the map file was written by a newer JourneyMap (version %1; this one reads up to %2). Please update JourneyMap.</source>
        <translation>el archivo de mapa lo escribió un JourneyMap más reciente (versión %1; este lee hasta la %2). Actualiza JourneyMap.</translation>
    </message>
    <message>
        <source>stages: a map needs at least one stage.</source>
        <translation>stages: un mapa necesita al menos una etapa.</translation>
    </message>
    <message>
        <source>lanes: a map needs at least one lane.</source>
        <translation>lanes: un mapa necesita al menos una fila.</translation>
    </message>
    <message>
        <source>%1: %2 in the file; a map holds at most %3.</source>
        <translation>%1: %2 en el archivo; un mapa admite como máximo %3.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1: no se puede leer el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (%2 at byte %3).</source>
        <translation>%1: no es texto UTF-8 (%2 en el byte %3).</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at line %3, column %4).</source>
        <translation>%1: no es JSON válido (%2 en la línea %3, columna %4).</translation>
    </message>
    <message>
        <source>%1: the JSON is nested too deeply.</source>
        <translation>%1: el JSON tiene demasiados niveles de anidamiento.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2).</source>
        <translation>%1: no es JSON válido (%2).</translation>
    </message>
    <message>
        <source>a number with too many digits</source>
        <translation>un número con demasiadas cifras</translation>
    </message>
    <message>
        <source>map file</source>
        <translation>archivo de mapa</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>se esperaba un valor</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>se esperaba una coma</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>se esperaban dos puntos</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>se esperaba un nombre entre comillas dobles</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>un texto sin cerrar</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>un carácter de control dentro de un texto</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>una secuencia \ no válida</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>una secuencia \uXXXX no válida</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>datos de más tras el final</translation>
    </message>
    <message>
        <source>invalid start byte</source>
        <translation>byte inicial no válido</translation>
    </message>
    <message>
        <source>invalid continuation byte</source>
        <translation>byte de continuación no válido</translation>
    </message>
    <message>
        <source>unexpected end of data</source>
        <translation>final inesperado de los datos</translation>
    </message>
    <message>
        <source>%1: expected an object, got %2.</source>
        <translation>%1: se esperaba un objeto, pero es %2.</translation>
    </message>
    <message>
        <source>%1.%2: expected text, got %3.</source>
        <translation>%1.%2: se esperaba texto, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: too long (%3 characters; at most %4).</source>
        <translation>%1.%2: demasiado largo (%3 caracteres; como máximo %4).</translation>
    </message>
    <message>
        <source>%1.%2: must not be empty.</source>
        <translation>%1.%2: no puede estar vacío.</translation>
    </message>
    <message>
        <source>%1.%2: expected text or null, got %3.</source>
        <translation>%1.%2: se esperaba texto o null, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: expected a whole number, got %3.</source>
        <translation>%1.%2: se esperaba un número entero, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: expected a number or null, got %3.</source>
        <translation>%1.%2: se esperaba un número o null, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: expected true or false, got %3.</source>
        <translation>%1.%2: se esperaba true o false, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: expected a list, got %3.</source>
        <translation>%1.%2: se esperaba una lista, pero es %3.</translation>
    </message>
    <message>
        <source>%1.%2: &apos;%3&apos; is not one of %4.</source>
        <translation>%1.%2: «%3» no es ninguno de estos valores: %4.</translation>
    </message>
    <message>
        <source>%1.%2: missing.</source>
        <translation>%1.%2: falta.</translation>
    </message>
    <message>
        <source>%1.%2: expected a number or text id, got %3.</source>
        <translation>%1.%2: se esperaba un id numérico o de texto, pero es %3.</translation>
    </message>
    <message>
        <source>%1[%2].id: duplicate id %3.</source>
        <translation>%1[%2].id: id %3 repetido.</translation>
    </message>
    <message>
        <source>stages[%1].colour: %2 is not a colour like &apos;#4C72B0&apos;.</source>
        <translation>stages[%1].colour: %2 no es un color como «#4C72B0».</translation>
    </message>
    <message>
        <source>lanes[%1].colour: %2 is not a colour like &apos;#5B6B7F&apos;.</source>
        <translation>lanes[%1].colour: %2 no es un color como «#5B6B7F».</translation>
    </message>
    <message>
        <source>%1.stage_id: no stage has id %2.</source>
        <translation>%1.stage_id: ninguna etapa tiene el id %2.</translation>
    </message>
    <message>
        <source>%1.lane_id: no lane has id %2.</source>
        <translation>%1.lane_id: ninguna fila tiene el id %2.</translation>
    </message>
    <message>
        <source>%1.id: duplicate id %2.</source>
        <translation>%1.id: id %2 repetido.</translation>
    </message>
    <message>
        <source>%1.photo: not base64 image data.</source>
        <translation>%1.photo: no son datos de imagen en base64.</translation>
    </message>
    <message>
        <source>connections[%1].%2: no touchpoint has id %3.</source>
        <translation>connections[%1].%2: ningún punto de contacto tiene el id %3.</translation>
    </message>
    <message>
        <source>%1.tags[%2]: expected text of at most %3 characters, got %4.</source>
        <translation>%1.tags[%2]: se esperaba un texto de %3 caracteres como máximo, pero es %4.</translation>
    </message>
    <message>
        <source>%1.responses[%2].batch_id: no import batch has id %3.</source>
        <translation>%1.responses[%2].batch_id: ninguna importación tiene el id %3.</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>el número %1</translation>
    </message>
    <message>
        <source>the text %1</source>
        <translation>el texto %1</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>al menos %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>como máximo %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>un valor entre %1 y %2</translation>
    </message>
    <message>
        <source>a %1-digit number</source>
        <translation>un número de %1 cifras</translation>
    </message>
    <message>
        <source>%1.%2: %3 is not a uuid like &apos;6d1c8a3e-5b0f-4c2a-9e77-1f4b2d3c8a90&apos;.</source>
        <translation>%1.%2: %3 no es un uuid como &apos;6d1c8a3e-5b0f-4c2a-9e77-1f4b2d3c8a90&apos;.</translation>
    </message>
    <message>
        <source>%1.revision.%2: expected null or [replica uuid, clock], got %3.</source>
        <translation>%1.revision.%2: se esperaba null o [uuid de réplica, reloj], pero es %3.</translation>
    </message>
    <message>
        <source>%1.uuid: %2 is already the uuid of %3.</source>
        <translation>%1.uuid: %2 ya es el uuid de %3.</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>positive</source>
        <translation>positiva</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutra</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativa</translation>
    </message>
    <message>
        <source>Overall NPS %1 (n = %2)</source>
        <translation>NPS global %1 (n = %2)</translation>
    </message>
    <message>
        <source>This map has no stages or lanes yet: use %1 and %2.</source>
        <translation>Este mapa aún no tiene etapas ni filas: usa %1 y %2.</translation>
    </message>
</context>
<context>
    <name>MergeError</name>
    <message>
        <source>%1: not a copy of this map (it shares no stage, lane or card with %2); nothing was merged.</source>
        <translation>%1: no es una copia de este mapa (no comparte ninguna etapa, fila ni tarjeta con %2); no se combinó nada.</translation>
    </message>
    <message>
        <source>%1: not a copy of this map (no stage, lane or card has the same name as in %2); nothing was merged.</source>
        <translation>%1: no es una copia de este mapa (ninguna etapa, fila ni tarjeta se llama igual que en %2); no se combinó nada.</translation>
    </message>
    <message>
        <source>%1: cannot merge it (%2); nothing was merged.</source>
        <translation>%1: no se puede combinar (%2); no se combinó nada.</translation>
    </message>
    <message>
        <source>%1: no such file; nothing was merged.</source>
        <translation>%1: el archivo no existe; no se combinó nada.</translation>
    </message>
    <message>
        <source>%1: this is the document itself; nothing was merged.</source>
        <translation>%1: es el propio documento; no se combinó nada.</translation>
    </message>
    <message>
        <source>%1: at most %2 copies can be merged at once; merge this one and those after it in a second step. Nothing was merged.</source>
        <translation>%1: se pueden combinar como mucho %2 copias a la vez; combina esta y las siguientes en un segundo paso. No se combinó nada.</translation>
    </message>
    <message>
        <source>%1: the document records no identities; open it once in this version of JourneyMap.</source>
        <translation>%1: el documento no registra identidades; ábralo una vez con esta versión de JourneyMap.</translation>
    </message>
</context>
<context>
    <name>MergeTexts</name>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n punto de contacto</numerusform>
            <numerusform>%n puntos de contacto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n etapa</numerusform>
            <numerusform>%n etapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n fotos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona assignment(s)</source>
        <translation>
            <numerusform>%n asignación de persona</numerusform>
            <numerusform>%n asignaciones de persona</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n conexión</numerusform>
            <numerusform>%n conexiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import batch(es)</source>
        <translation>
            <numerusform>%n importación</numerusform>
            <numerusform>%n importaciones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event log(s)</source>
        <translation>
            <numerusform>%n registro de eventos</numerusform>
            <numerusform>%n registros de eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n map(s)</source>
        <translation>
            <numerusform>%n mapa</numerusform>
            <numerusform>%n mapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned quote(s)</source>
        <translation>
            <numerusform>%n cita fijada</numerusform>
            <numerusform>%n citas fijadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) proposed</source>
        <translation>
            <numerusform>%n eliminación propuesta</numerusform>
            <numerusform>%n eliminaciones propuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n evento</numerusform>
            <numerusform>%n eventos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out (added to a card, stage or lane MASTER no longer has)</source>
        <translation>
            <numerusform>%n omitido (añadido a una tarjeta, etapa o fila que MASTER ya no tiene)</numerusform>
            <numerusform>%n omitidos (añadidos a una tarjeta, etapa o fila que MASTER ya no tiene)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Maps</source>
        <translation>Mapas</translation>
    </message>
    <message>
        <source>Add map</source>
        <translation>Añadir mapa</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a map (blank or from a template)</source>
        <translation>Añadir un mapa (en blanco o desde una plantilla)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Duplicate the selected map</source>
        <translation>Duplicar el mapa seleccionado</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Rename the selected map (F2)</source>
        <translation>Renombrar el mapa seleccionado (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the selected map (Del)</source>
        <translation>Eliminar el mapa seleccionado (Supr)</translation>
    </message>
    <message>
        <source>Map actions</source>
        <translation>Acciones de mapa</translation>
    </message>
    <message>
        <source>Maps in this document</source>
        <translation>Mapas de este documento</translation>
    </message>
    <message>
        <source>Current map</source>
        <translation>Mapa actual</translation>
    </message>
    <message>
        <source>Map title</source>
        <translation>Título del mapa</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Map description</source>
        <translation>Descripción del mapa</translation>
    </message>
    <message>
        <source>What this journey covers</source>
        <translation>Qué abarca este recorrido</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Persona name</source>
        <translation>Nombre de la persona</translation>
    </message>
    <message>
        <source>e.g. Marta, 38, considered buyer</source>
        <translation>p. ej., Marta, 38 años, compradora reflexiva</translation>
    </message>
    <message>
        <source>&amp;Persona:</source>
        <translation>&amp;Persona:</translation>
    </message>
    <message>
        <source>Persona description</source>
        <translation>Descripción de la persona</translation>
    </message>
    <message>
        <source>Goals, needs and frustrations</source>
        <translation>Objetivos, necesidades y frustraciones</translation>
    </message>
    <message>
        <source>P&amp;ersona description:</source>
        <translation>D&amp;escripción de la persona:</translation>
    </message>
    <message numerus="yes">
        <source>%n stages</source>
        <translation>
            <numerusform>%n etapa</numerusform>
            <numerusform>%n etapas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lanes</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints</source>
        <translation>
            <numerusform>%n punto de contacto</numerusform>
            <numerusform>%n puntos de contacto</numerusform>
        </translation>
    </message>
    <message>
        <source>Future state of “%1”</source>
        <translation>Estado futuro de «%1»</translation>
    </message>
    <message>
        <source>Current state; future state: %1</source>
        <translation>Estado actual; estado futuro: %1</translation>
    </message>
    <message>
        <source>A document needs at least one map</source>
        <translation>Un documento necesita al menos un mapa</translation>
    </message>
    <message>
        <source>Blank map</source>
        <translation>Mapa en blanco</translation>
    </message>
    <message>
        <source>Five stages and the usual lanes, no touchpoints</source>
        <translation>Cinco etapas y las filas habituales, sin puntos de contacto</translation>
    </message>
    <message>
        <source>From a template</source>
        <translation>Desde una plantilla</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <source>Touchpoint library</source>
        <translation>Biblioteca de puntos de contacto</translation>
    </message>
    <message>
        <source>Search touchpoints…</source>
        <translation>Buscar puntos de contacto…</translation>
    </message>
    <message>
        <source>Search the touchpoint library</source>
        <translation>Buscar en la biblioteca de puntos de contacto</translation>
    </message>
    <message>
        <source>Drag a touchpoint onto the map, or double-click it to add it to the selected cell.</source>
        <translation>Arrastra un punto de contacto al mapa o haz doble clic para añadirlo a la celda seleccionada.</translation>
    </message>
    <message>
        <source>Blank touchpoint</source>
        <translation>Punto de contacto en blanco</translation>
    </message>
    <message>
        <source>An empty card to fill in yourself.</source>
        <translation>Una tarjeta vacía para rellenar tú mismo.</translation>
    </message>
    <message>
        <source>The touchpoint library is not available yet.</source>
        <translation>La biblioteca de puntos de contacto aún no está disponible.</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Canal: %1</translation>
    </message>
    <message>
        <source>No touchpoint matches “%1”.</source>
        <translation>Ningún punto de contacto coincide con «%1».</translation>
    </message>
</context>
<context>
    <name>PersonaDock</name>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Personas of the document</source>
        <translation>Personas del documento</translation>
    </message>
    <message>
        <source>Check the personas this map is about</source>
        <translation>Marca las personas de las que trata este mapa</translation>
    </message>
    <message>
        <source>&amp;Add persona</source>
        <translation>&amp;Añadir persona</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Choose &amp;photo…</source>
        <translation>Elegir &amp;foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Quitar la foto</translation>
    </message>
    <message>
        <source>From the selected &amp;card</source>
        <translation>De la &amp;tarjeta seleccionada</translation>
    </message>
    <message>
        <source>Use the first photo of the card selected on the map</source>
        <translation>Usa la primera foto de la tarjeta seleccionada en el mapa</translation>
    </message>
    <message>
        <source>Photo:</source>
        <translation>Foto:</translation>
    </message>
    <message>
        <source>Persona name</source>
        <translation>Nombre de la persona</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>In the persona&apos;s own words</source>
        <translation>Con las palabras de la persona</translation>
    </message>
    <message>
        <source>&amp;Quote:</source>
        <translation>&amp;Cita:</translation>
    </message>
    <message>
        <source>&amp;Bio:</source>
        <translation>&amp;Biografía:</translation>
    </message>
    <message>
        <source>A short biography</source>
        <translation>Una biografía breve</translation>
    </message>
    <message>
        <source>&amp;Goals:</source>
        <translation>&amp;Objetivos:</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>Uno por línea</translation>
    </message>
    <message>
        <source>N&amp;eeds:</source>
        <translation>N&amp;ecesidades:</translation>
    </message>
    <message>
        <source>&amp;Frustrations:</source>
        <translation>F&amp;rustraciones:</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Elegir una foto</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Select a card with a photo on the map first.</source>
        <translation>Selecciona primero en el mapa una tarjeta con foto.</translation>
    </message>
    <message>
        <source>The selected card has no photo.</source>
        <translation>La tarjeta seleccionada no tiene foto.</translation>
    </message>
    <message>
        <source>%1 is not an image JourneyMap can read.</source>
        <translation>%1 no es una imagen que JourneyMap pueda leer.</translation>
    </message>
</context>
<context>
    <name>PhotoError</name>
    <message>
        <source>%1: there is no touchpoint with id %2.</source>
        <translation>%1: no hay ningún punto de contacto con id %2.</translation>
    </message>
    <message>
        <source>%1: touchpoint %2 has no note %3.</source>
        <translation>%1: el punto de contacto %2 no tiene la nota %3.</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>%1: el archivo no existe.</translation>
    </message>
    <message>
        <source>%1: is a folder, not an image.</source>
        <translation>%1: es una carpeta, no una imagen.</translation>
    </message>
    <message>
        <source>%1: the file is empty.</source>
        <translation>%1: el archivo está vacío.</translation>
    </message>
    <message>
        <source>%1: cannot read the file (%2).</source>
        <translation>%1: no se puede leer el archivo (%2).</translation>
    </message>
    <message>
        <source>%1: the file is too large (%2 MB; at most %3 MB).</source>
        <translation>%1: el archivo es demasiado grande (%2 MB; como máximo %3 MB).</translation>
    </message>
    <message>
        <source>%1: not an image JourneyMap can read (use JPEG, PNG, WebP, GIF, BMP or TIFF).</source>
        <translation>%1: no es una imagen que JourneyMap pueda leer (usa JPEG, PNG, WebP, GIF, BMP o TIFF).</translation>
    </message>
    <message>
        <source>%1: HEIC/HEIF photos cannot be read; set the phone to take JPEG or export the photo as JPEG.</source>
        <translation>%1: las fotos HEIC/HEIF no se pueden leer; configura el teléfono para hacer fotos JPEG o exporta la foto como JPEG.</translation>
    </message>
    <message>
        <source>%1: the image claims %2 × %3 pixels (at most %4 megapixels); refusing to decode it.</source>
        <translation>%1: la imagen dice medir %2 × %3 píxeles (como máximo %4 megapíxeles); no se descodifica.</translation>
    </message>
    <message>
        <source>%1: the image is truncated (the file ends before the picture does).</source>
        <translation>%1: la imagen está truncada (el archivo termina antes que la imagen).</translation>
    </message>
    <message>
        <source>%1: the image is damaged (%2).</source>
        <translation>%1: la imagen está dañada (%2).</translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>No photos yet. Drop image files here, paste one, or click Add.</source>
        <translation>Aún no hay fotos. Suelta aquí archivos de imagen, pega una o pulsa Añadir.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Attach image files to this touchpoint</source>
        <translation>Adjunta archivos de imagen a este punto de contacto</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Attach the image on the clipboard</source>
        <translation>Adjunta la imagen del portapapeles</translation>
    </message>
    <message>
        <source>Take photo…</source>
        <translation>Hacer foto…</translation>
    </message>
    <message>
        <source>Take a photo with the camera and attach it</source>
        <translation>Hacer una foto con la cámara y adjuntarla</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <source>Show the photo full size (Enter)</source>
        <translation>Muestra la foto a tamaño completo (Intro)</translation>
    </message>
    <message>
        <source>Move the photo earlier (Ctrl+Left)</source>
        <translation>Mueve la foto hacia delante (Ctrl+Izquierda)</translation>
    </message>
    <message>
        <source>Move the photo later (Ctrl+Right)</source>
        <translation>Mueve la foto hacia atrás (Ctrl+Derecha)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the photo (Delete)</source>
        <translation>Quita la foto (Supr)</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 px, %4 KB</source>
        <translation>%1 — %2 × %3 px, %4 KB</translation>
    </message>
    <message>
        <source>No photos.</source>
        <translation>No hay fotos.</translation>
    </message>
    <message>
        <source>Photo %1</source>
        <translation>Foto %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>No photo.</source>
        <translation>No hay foto.</translation>
    </message>
    <message>
        <source>%1 of %2: %3 — %4 × %5 px, %6 KB, added %7</source>
        <translation>%1 de %2: %3 — %4 × %5 px, %6 KB, añadida el %7</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <source>Photos are stored inside the document, shrunk to at most 2560 pixels, without their location (GPS), camera or other metadata.</source>
        <translation>Las fotos se guardan dentro del documento, reducidas a 2560 píxeles como máximo, sin su ubicación (GPS), los datos de la cámara ni otros metadatos.</translation>
    </message>
</context>
<context>
    <name>PhotosGroup</name>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Author name for notes</source>
        <translation>Nombre del autor de las notas</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>&amp;Author of notes:</source>
        <translation>&amp;Autor de las notas:</translation>
    </message>
    <message>
        <source>A new language applies when JourneyMap starts again; you can restart it now.</source>
        <translation>Un idioma nuevo se aplica cuando JourneyMap vuelve a arrancar; puedes reiniciarlo ahora.</translation>
    </message>
    <message>
        <source>JourneyMap speaks the new language after a restart. Your work is saved.</source>
        <translation>JourneyMap usará el nuevo idioma tras reiniciarse. Tu trabajo está guardado.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>RejectReason</name>
    <message>
        <source>missing score</source>
        <translation>falta la puntuación</translation>
    </message>
    <message>
        <source>score %1 is not a number</source>
        <translation>la puntuación %1 no es un número</translation>
    </message>
    <message>
        <source>score %1 is not a whole number</source>
        <translation>la puntuación %1 no es un número entero</translation>
    </message>
    <message>
        <source>score %1 is outside 0-10</source>
        <translation>la puntuación %1 está fuera de 0-10</translation>
    </message>
    <message>
        <source>%1 %2 is not a whole number &gt;= 0</source>
        <translation>%1 %2 no es un número entero &gt;= 0</translation>
    </message>
    <message>
        <source>%1 %2 is too large</source>
        <translation>%1 %2 es demasiado grande</translation>
    </message>
    <message>
        <source>date %1 is not a date</source>
        <translation>la fecha %1 no es una fecha</translation>
    </message>
    <message>
        <source>date %1 is not YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>la fecha %1 no tiene el formato AAAA-MM-DD ni DD/MM/AAAA</translation>
    </message>
    <message>
        <source>date %1 does not exist</source>
        <translation>la fecha %1 no existe</translation>
    </message>
    <message>
        <source>sentiment %1 is not a number or a known word</source>
        <translation>el sentimiento %1 no es un número ni una palabra conocida</translation>
    </message>
    <message>
        <source>sentiment %1 is outside the 1-5 scale of this file</source>
        <translation>el sentimiento %1 está fuera de la escala 1-5 de este archivo</translation>
    </message>
    <message>
        <source>sentiment %1 is outside -1..1</source>
        <translation>el sentimiento %1 está fuera de -1..1</translation>
    </message>
    <message>
        <source>missing touchpoint</source>
        <translation>falta el punto de contacto</translation>
    </message>
    <message>
        <source>touchpoint %1 is ambiguous (several touchpoints have that title)</source>
        <translation>el punto de contacto %1 es ambiguo (varios puntos de contacto tienen ese título)</translation>
    </message>
    <message>
        <source>no touchpoint %1 in this map</source>
        <translation>no hay ningún punto de contacto %1 en este mapa</translation>
    </message>
    <message>
        <source>score %1 is outside 1-11</source>
        <translation>la puntuación %1 está fuera de 1-11</translation>
    </message>
    <message>
        <source>score %1 is outside 1-5</source>
        <translation>la puntuación %1 está fuera de 1-5</translation>
    </message>
    <message>
        <source>score %1 is outside 1-7</source>
        <translation>la puntuación %1 está fuera de 1-7</translation>
    </message>
    <message>
        <source>date %1 has no valid time</source>
        <translation>la fecha %1 no tiene una hora válida</translation>
    </message>
    <message>
        <source>missing customer</source>
        <translation>falta el cliente</translation>
    </message>
    <message>
        <source>missing timestamp</source>
        <translation>falta la fecha y hora</translation>
    </message>
    <message>
        <source>column %1: %2</source>
        <translation>columna %1: %2</translation>
    </message>
</context>
<context>
    <name>RelationTexts</name>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Eliminar %n conexión</numerusform>
            <numerusform>Eliminar %n conexiones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sentiment</name>
    <message>
        <source>Very negative</source>
        <translation>Muy negativo</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutro</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Very positive</source>
        <translation>Muy positivo</translation>
    </message>
    <message>
        <source>very negative</source>
        <translation>muy negativo</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutro</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>very positive</source>
        <translation>muy positivo</translation>
    </message>
</context>
<context>
    <name>SidecarError</name>
    <message>
        <source>the document was replaced after that log was copied into it</source>
        <translation>el documento se sustituyó después de copiar en él ese registro</translation>
    </message>
    <message>
        <source>its first page is not an SQLite header</source>
        <translation>su primera página no es una cabecera de SQLite</translation>
    </message>
    <message>
        <source>it belongs to another database (different application id)</source>
        <translation>pertenece a otra base de datos (otro identificador de aplicación)</translation>
    </message>
    <message>
        <source>it is too short to be a write-ahead log</source>
        <translation>es demasiado corto para ser un registro de escritura anticipada</translation>
    </message>
    <message>
        <source>it is not an SQLite write-ahead log</source>
        <translation>no es un registro de escritura anticipada de SQLite</translation>
    </message>
    <message>
        <source>its pages are %1 bytes, the document&apos;s %2</source>
        <translation>sus páginas son de %1 bytes y las del documento de %2</translation>
    </message>
    <message>
        <source>it continues another version of the file (change counter %1, the file&apos;s %2)</source>
        <translation>continúa otra versión del archivo (contador de cambios %1; el del archivo, %2)</translation>
    </message>
    <message>
        <source>it was started on a file of %1 pages, this one has %2</source>
        <translation>se empezó sobre un archivo de %1 páginas y este tiene %2</translation>
    </message>
    <message>
        <source>it is not an SQLite rollback journal</source>
        <translation>no es un diario de reversión de SQLite</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>su cabecera está dañada</translation>
    </message>
    <message>
        <source>it was written for another version of the file (change counter %1, the file&apos;s %2)</source>
        <translation>se escribió para otra versión del archivo (contador de cambios %1; el del archivo, %2)</translation>
    </message>
    <message>
        <source>its records are damaged (checksum)</source>
        <translation>sus registros están dañados (suma de comprobación)</translation>
    </message>
    <message>
        <source>it could not be checked (%1)</source>
        <translation>no se ha podido comprobar (%1)</translation>
    </message>
    <message>
        <source>replaying it fails (%1)</source>
        <translation>al aplicarlo falla (%1)</translation>
    </message>
    <message>
        <source>with it replayed, %1</source>
        <translation>una vez aplicado, %1</translation>
    </message>
    <message>
        <source>it holds pages beyond the size it declares</source>
        <translation>contiene páginas más allá del tamaño que declara</translation>
    </message>
</context>
<context>
    <name>TemplateError</name>
    <message>
        <source>unknown template &apos;%1&apos; (known: %2).</source>
        <translation>plantilla desconocida: «%1» (disponibles: %2).</translation>
    </message>
    <message>
        <source>cannot read the template &apos;%1&apos; (%2).</source>
        <translation>no se puede leer la plantilla «%1» (%2).</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; is damaged: it is not UTF-8 text.</source>
        <translation>la plantilla «%1» está dañada: no es texto UTF-8.</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; is damaged: it is not valid JSON (line %2, column %3).</source>
        <translation>la plantilla «%1» está dañada: no es JSON válido (línea %2, columna %3).</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; is damaged: it is not a JSON object.</source>
        <translation>la plantilla «%1» está dañada: no es un objeto JSON.</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; is damaged: %2 is missing or not usable.</source>
        <translation>la plantilla «%1» está dañada: %2 falta o no se puede usar.</translation>
    </message>
    <message>
        <source>the template &apos;%1&apos; is damaged: %2 names %3, which it does not define.</source>
        <translation>la plantilla «%1» está dañada: %2 nombra %3, que la plantilla no define.</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>&amp;Quotes</source>
        <translation>&amp;Citas</translation>
    </message>
    <message>
        <source>&amp;Compare ▲/▼</source>
        <translation>Com&amp;parar ▲/▼</translation>
    </message>
    <message>
        <source>&amp;Trend sparklines</source>
        <translation>Minigráficos de &amp;tendencia</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>a customer&apos;s quote</comment>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>WalkMode</name>
    <message>
        <source>Exit walk (Esc)</source>
        <translation>Salir del recorrido (Esc)</translation>
    </message>
    <message>
        <source>How does it feel?</source>
        <translation>¿Qué sensación deja?</translation>
    </message>
    <message>
        <source>☹ Negative</source>
        <translation>☹ Negativa</translation>
    </message>
    <message>
        <source>😐 Neutral</source>
        <translation>😐 Neutra</translation>
    </message>
    <message>
        <source>☺ Positive</source>
        <translation>☺ Positiva</translation>
    </message>
    <message>
        <source>A customer&apos;s answer: how likely to recommend us (0–10)?</source>
        <translation>Respuesta de un cliente: ¿qué probabilidad hay de que nos recomiende (0–10)?</translation>
    </message>
    <message>
        <source>Count one answer of %1</source>
        <translation>Contar una respuesta de %1</translation>
    </message>
    <message>
        <source>Manual NPS</source>
        <translation>NPS manual</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Escribe una nota…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Attach photo…</source>
        <translation>Adjuntar foto…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Walk the journey</source>
        <translation>Recorrer el viaje</translation>
    </message>
    <message>
        <source>This map has no touchpoints yet.</source>
        <translation>Este mapa aún no tiene puntos de contacto.</translation>
    </message>
    <message>
        <source>Walk the journey — %1 › %2</source>
        <translation>Recorrer el viaje — %1 › %2</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Canal: %1</translation>
    </message>
    <message>
        <source>★ Moment of truth</source>
        <translation>★ Momento de la verdad</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>Sin descripción.</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s): %2 promoters, %3 passives, %4 detractors — NPS %5</source>
        <translation>
            <numerusform>%n respuesta: %2 promotores, %3 pasivos, %4 detractores — NPS %5</numerusform>
            <numerusform>%n respuestas: %2 promotores, %3 pasivos, %4 detractores — NPS %5</numerusform>
        </translation>
    </message>
    <message>
        <source>No answers counted yet.</source>
        <translation>Aún no se ha contado ninguna respuesta.</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Aún no hay notas.</translation>
    </message>
    <message>
        <source>Change sensation</source>
        <translation>Cambiar sensación</translation>
    </message>
    <message>
        <source>Answer counts</source>
        <translation>Recuento de respuestas</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>journeymap: no display to open the editor on (DISPLAY and WAYLAND_DISPLAY are not set). Start it from a desktop session, or use the command line without a display: journeymap --help</source>
        <translation>journeymap: no hay pantalla donde abrir el editor (DISPLAY y WAYLAND_DISPLAY no están definidas). Ábrelo desde una sesión de escritorio o usa la línea de órdenes, que no necesita pantalla: journeymap --help</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no se permite junto con el argumento %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>faltan los argumentos obligatorios: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se necesita uno de los argumentos %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba como mucho un argumento</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s puede ser %(matches)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elige entre %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>no se puede abrir &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
</context>
<context>
    <name>blankmap</name>
    <message>
        <source>Awareness</source>
        <translation>Descubrimiento</translation>
    </message>
    <message>
        <source>Consideration</source>
        <translation>Consideración</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Compra</translation>
    </message>
    <message>
        <source>Experience</source>
        <translation>Experiencia</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Fidelización</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Puntos de contacto</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation>Acciones del cliente</translation>
    </message>
    <message>
        <source>Thoughts and feelings</source>
        <translation>Pensamientos y sentimientos</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Puntos de fricción</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Oportunidades</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Customer journey maps with NPS and sentiment, offline.</source>
        <translation>Mapas de experiencia del cliente con NPS y sentimiento, sin conexión.</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>muestra la versión y termina</translation>
    </message>
    <message>
        <source>not enough memory for this command.</source>
        <translation>no hay memoria suficiente para este comando.</translation>
    </message>
    <message>
        <source>unexpected error (%1: %2).</source>
        <translation>error inesperado (%1: %2).</translation>
    </message>
    <message>
        <source>journeymap: error: %1</source>
        <translation>journeymap: error: %1</translation>
    </message>
    <message>
        <source>journeymap: interrupted</source>
        <translation>journeymap: interrumpido</translation>
    </message>
    <message>
        <source>%1: the document has no maps.</source>
        <translation>%1: el documento no tiene mapas.</translation>
    </message>
    <message>
        <source>%1: there is no map %2 (maps: %3).</source>
        <translation>%1: no existe el mapa %2 (mapas: %3).</translation>
    </message>
    <message>
        <source>map id (default: the first map)</source>
        <translation>id del mapa (por defecto: el primero)</translation>
    </message>
    <message>
        <source>create a document from a template</source>
        <translation>crea un documento a partir de una plantilla</translation>
    </message>
    <message>
        <source>Create a new .jmap document.</source>
        <translation>Crea un documento .jmap nuevo.</translation>
    </message>
    <message>
        <source>the document to create (never overwritten)</source>
        <translation>el documento que se creará (nunca se sobrescribe)</translation>
    </message>
    <message>
        <source>starter map (see &apos;journeymap templates&apos;; default: %(default)s)</source>
        <translation>mapa de partida (consulta &apos;journeymap templates&apos;; por defecto: %(default)s)</translation>
    </message>
    <message>
        <source>title of the new map</source>
        <translation>título del mapa nuevo</translation>
    </message>
    <message>
        <source>template language (default: %(default)s)</source>
        <translation>idioma de la plantilla (por defecto: %(default)s)</translation>
    </message>
    <message>
        <source>list templates</source>
        <translation>lista las plantillas</translation>
    </message>
    <message>
        <source>List the starter map templates.</source>
        <translation>Lista las plantillas de mapas de partida.</translation>
    </message>
    <message>
        <source>language of the descriptions (default: %(default)s)</source>
        <translation>idioma de las descripciones (por defecto: %(default)s)</translation>
    </message>
    <message>
        <source>list the maps of a document</source>
        <translation>lista los mapas de un documento</translation>
    </message>
    <message>
        <source>List the maps in a document.</source>
        <translation>Lista los mapas de un documento.</translation>
    </message>
    <message>
        <source>attach photos to a touchpoint</source>
        <translation>adjuntar fotos a un punto de contacto</translation>
    </message>
    <message>
        <source>Store photos inside the document, on a touchpoint (or beside one of its notes). Each photo is turned upright, shrunk to at most 2560 pixels and re-encoded without its metadata (GPS position, camera, date); the same photo twice is stored once. If any file cannot be read, nothing is stored.</source>
        <translation>Guarda fotos dentro del documento, en un punto de contacto (o junto a una de sus notas). Cada foto se endereza, se reduce a 2560 píxeles como máximo y se vuelve a codificar sin sus metadatos (posición GPS, cámara, fecha); la misma foto dos veces se guarda una sola vez. Si algún archivo no se puede leer, no se guarda nada.</translation>
    </message>
    <message>
        <source>the .jmap document</source>
        <translation>el documento .jmap</translation>
    </message>
    <message>
        <source>the touchpoint&apos;s id</source>
        <translation>el id del punto de contacto</translation>
    </message>
    <message>
        <source>JPEG, PNG, WebP, GIF, BMP or TIFF files</source>
        <translation>archivos JPEG, PNG, WebP, GIF, BMP o TIFF</translation>
    </message>
    <message>
        <source>show the photos beside this note</source>
        <translation>mostrar las fotos junto a esta nota</translation>
    </message>
    <message>
        <source>journeymap: nothing was attached.</source>
        <translation>journeymap: no se ha adjuntado nada.</translation>
    </message>
    <message>
        <source>%1: already on touchpoint %2 as attachment %3; nothing stored</source>
        <translation>%1: ya está en el punto de contacto %2 como adjunto %3; no se guarda nada</translation>
    </message>
    <message>
        <source>attachment %1: %2, %3×%4 px, %5 KB (from %6×%7 px, %8 KB)</source>
        <translation>adjunto %1: %2, %3×%4 px, %5 KB (de %6×%7 px, %8 KB)</translation>
    </message>
    <message>
        <source>; the same photo was already in the document and is stored once</source>
        <translation>; la misma foto ya estaba en el documento y se guarda una sola vez</translation>
    </message>
    <message>
        <source>Location (GPS), camera and other metadata were removed.</source>
        <translation>Se han quitado la ubicación (GPS), los datos de la cámara y demás metadatos.</translation>
    </message>
    <message>
        <source>the file to write (replaced atomically)</source>
        <translation>el archivo que se escribirá (se reemplaza de forma atómica)</translation>
    </message>
    <message>
        <source>PNG: pixels per canvas pixel (default 1)</source>
        <translation>PNG: píxeles por píxel del lienzo (por defecto 1)</translation>
    </message>
    <message>
        <source>PNG: image width in pixels (instead of --scale)</source>
        <translation>PNG: ancho de la imagen en píxeles (en lugar de --scale)</translation>
    </message>
    <message>
        <source>export a map as PNG, SVG, PDF, PowerPoint, CSV, XLSX or JSON</source>
        <translation>exporta un mapa como PNG, SVG, PDF, PowerPoint, CSV, XLSX o JSON</translation>
    </message>
    <message>
        <source>Export a map. The format follows OUT&apos;s extension: .png, .svg, .pdf (the map as drawn on the canvas), .pptx (a PowerPoint deck: title, the map, a slide per stage with editable cards, NPS charts, comments) or .csv, .xlsx (touchpoints with metrics), .json (the whole map).</source>
        <translation>Exporta un mapa. El formato depende de la extensión de OUT: .png, .svg, .pdf (el mapa tal como se dibuja en el lienzo), .pptx (una presentación de PowerPoint: portada, el mapa, una diapositiva por etapa con tarjetas editables, gráficos de NPS, comentarios) o .csv, .xlsx (puntos de contacto con métricas), .json (el mapa completo).</translation>
    </message>
    <message>
        <source>images and decks: overlays to show, comma separated from nps,sentiment,emotion,photos,quotes,trend, or &apos;none&apos; (default: none; decks: nps,sentiment); a legend is added when overlays are shown</source>
        <translation>imágenes y presentaciones: capas que mostrar, separadas por comas, de entre nps,sentiment,emotion,photos,quotes,trend, o &apos;none&apos; (predeterminado: none; presentaciones: nps,sentiment); se añade una leyenda cuando se muestran capas</translation>
    </message>
    <message>
        <source>PDF: one page sized to the map (fit, default), a paper size (A4, A3, Letter, Tabloid) or a 16:9 slide, landscape unless --portrait</source>
        <translation>PDF: una página del tamaño del mapa (fit, por defecto), un tamaño de papel (A4, A3, Carta, Tabloide) o una diapositiva 16:9, en horizontal salvo con --portrait</translation>
    </message>
    <message>
        <source>PDF: portrait pages</source>
        <translation>PDF: páginas en vertical</translation>
    </message>
    <message>
        <source>PDF: split the map over as many pages as it needs at its canvas size, repeating stage and lane headers (default page: A4)</source>
        <translation>PDF: reparte el mapa en tantas páginas como necesite a su tamaño del lienzo, repitiendo las cabeceras de etapas y filas (página por defecto: A4)</translation>
    </message>
    <message>
        <source>PDF: a report: the map, a section per stage with its cards in full, the analytics charts and the comments (default page: A4)</source>
        <translation>PDF: un informe: el mapa, una sección por etapa con sus tarjetas completas, los gráficos de análisis y los comentarios (página por defecto: A4)</translation>
    </message>
    <message>
        <source>PDF: page margin in millimetres (default 10)</source>
        <translation>PDF: margen de la página en milímetros (por defecto 10)</translation>
    </message>
    <message>
        <source>PNG/SVG: transparent instead of white background</source>
        <translation>PNG/SVG: fondo transparente en lugar de blanco</translation>
    </message>
    <message>
        <source>only responses of this segment count</source>
        <translation>solo cuentan las respuestas de este segmento</translation>
    </message>
    <message>
        <source>JSON: include the survey responses</source>
        <translation>JSON: incluye las respuestas de la encuesta</translation>
    </message>
    <message>
        <source>CSV/XLSX: write for this language&apos;s Excel; es: &apos;;&apos; separator, decimal comma and Spanish column names (default: en)</source>
        <translation>CSV/XLSX: escribe para el Excel de ese idioma; es: separador «;», coma decimal y nombres de columna en español (por defecto: en)</translation>
    </message>
    <message>
        <source>add a map from a JSON export</source>
        <translation>añade un mapa desde una exportación JSON</translation>
    </message>
    <message>
        <source>Add the map in MAP.json (written by &apos;journeymap export ... OUT.json&apos;) to FILE as a new map and print its id.</source>
        <translation>Añade el mapa de MAP.json (escrito por &apos;journeymap export ... OUT.json&apos;) a FILE como un mapa nuevo y muestra su id.</translation>
    </message>
    <message>
        <source>the .jmap document to add the map to</source>
        <translation>el documento .jmap al que se añade el mapa</translation>
    </message>
    <message>
        <source>the map exported as JSON</source>
        <translation>el mapa exportado como JSON</translation>
    </message>
    <message>
        <source>title of the new map (default: the one in the file)</source>
        <translation>título del mapa nuevo (por defecto: el del archivo)</translation>
    </message>
    <message>
        <source>create FILE (never overwritten) holding only this map: a copy to annotate and merge back with &apos;journeymap merge&apos;</source>
        <translation>crear FILE (nunca se sobrescribe) con solo este mapa: una copia para anotar y volver a combinar con &apos;journeymap merge&apos;</translation>
    </message>
    <message>
        <source>--overlay: unknown overlay %1 (use %2 or none)</source>
        <translation>--overlay: capa desconocida %1 (usa %2 o none)</translation>
    </message>
    <message>
        <source>--%1 does not apply to .%2 (only %3)</source>
        <translation>--%1 no se aplica a .%2 (solo %3)</translation>
    </message>
    <message>
        <source>OUT is the document itself; refusing to overwrite it</source>
        <translation>OUT es el propio documento; no se sobrescribirá</translation>
    </message>
    <message>
        <source>give --tile or --report, not both</source>
        <translation>indica --tile o --report, no ambos</translation>
    </message>
    <message>
        <source>--tile needs a page size (--page a4, a3, letter, tabloid or slide)</source>
        <translation>--tile necesita un tamaño de página (--page a4, a3, letter, tabloid o slide)</translation>
    </message>
    <message>
        <source>give --scale or --width, not both</source>
        <translation>indica --scale o --width, no ambos</translation>
    </message>
    <message>
        <source>--scale must be between 0.1 and 16, got %1</source>
        <translation>--scale debe estar entre 0,1 y 16; se recibió %1</translation>
    </message>
    <message>
        <source>--width must be between 16 and 32000 pixels, got %1</source>
        <translation>--width debe estar entre 16 y 32000 píxeles; se recibió %1</translation>
    </message>
    <message>
        <source>--margin must be between 0 and 50 mm, got %1</source>
        <translation>--margin debe estar entre 0 y 50 mm; se recibió %1</translation>
    </message>
    <message>
        <source>journeymap export: error: %1</source>
        <translation>journeymap export: error: %1</translation>
    </message>
    <message>
        <source>image export is not available in this build (%1).</source>
        <translation>la exportación de imágenes no está disponible en esta versión (%1).</translation>
    </message>
    <message>
        <source>%1 already holds this map: the imported one is a separate map with new identities (merging will not match it with the original).</source>
        <translation>%1 ya contiene este mapa: el importado es un mapa aparte con identidades nuevas (al combinar no se emparejará con el original).</translation>
    </message>
    <message>
        <source>--title: at most %1 characters.</source>
        <translation>--title: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>open the editor</source>
        <translation>abre el editor</translation>
    </message>
    <message>
        <source>Open the JourneyMap editor.</source>
        <translation>Abre el editor de JourneyMap.</translation>
    </message>
    <message>
        <source>document to open (default: the sample map)</source>
        <translation>documento que se abrirá (por defecto: el mapa de ejemplo)</translation>
    </message>
    <message>
        <source>column of the touchpoint id or title</source>
        <translation>columna del id o título del punto de contacto</translation>
    </message>
    <message>
        <source>column of the 0-10 recommendation score</source>
        <translation>columna de la puntuación de recomendación de 0 a 10</translation>
    </message>
    <message>
        <source>column of the sentiment (-1..1, 1..5 or words)</source>
        <translation>columna del sentimiento (-1..1, 1..5 o palabras)</translation>
    </message>
    <message>
        <source>column of the free-text comment</source>
        <translation>columna del comentario libre</translation>
    </message>
    <message>
        <source>column of the answer date</source>
        <translation>columna de la fecha de respuesta</translation>
    </message>
    <message>
        <source>column of the segment, store or region</source>
        <translation>columna del segmento, tienda o región</translation>
    </message>
    <message>
        <source>column of the promoters count (aggregated files)</source>
        <translation>columna del recuento de promotores (archivos agregados)</translation>
    </message>
    <message>
        <source>column of the passives count (aggregated files)</source>
        <translation>columna del recuento de pasivos (archivos agregados)</translation>
    </message>
    <message>
        <source>column of the detractors count (aggregated files)</source>
        <translation>columna del recuento de detractores (archivos agregados)</translation>
    </message>
    <message>
        <source>Reads exports of Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms,
Typeform, LimeSurvey and Excel as they are: extra header rows, one column per
touchpoint (wide) or one row per answer (long), score labels, 1-11 recodes,
1-5 and 1-7 satisfaction scales (as sentiment), dates in either day order.
A column belongs to a touchpoint when its header names the touchpoint&apos;s title.
--map-column HEADER=FIELD sets what a column is: touchpoint, score, sentiment,
comment, date, segment, overall, ignore, or a touchpoint id (its score).
The mapping is remembered per header signature with --save-profile NAME.
Invalid answers are rejected and listed; valid ones are imported in one
transaction as one import batch. Exit status: 0 when something was imported,
1 otherwise (nothing is recorded then).</source>
        <translation>Lee las exportaciones de Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms,
Typeform, LimeSurvey y Excel tal como son: filas de cabecera adicionales, una
columna por punto de contacto (ancho) o una fila por respuesta (largo), etiquetas
de puntuación, recodificaciones 1-11, escalas de satisfacción 1-5 y 1-7 (como
sentimiento) y fechas en cualquier orden de día y mes.
Una columna pertenece a un punto de contacto cuando su cabecera nombra su título.
--map-column CABECERA=CAMPO fija qué es una columna: touchpoint, score, sentiment,
comment, date, segment, overall, ignore o el id de un punto de contacto (su puntuación).
Con --save-profile NOMBRE la asignación se recuerda por la firma de la cabecera.
Las respuestas no válidas se rechazan y se listan; las válidas se importan en una
sola transacción como un lote de importación. Estado de salida: 0 si se importó
algo, 1 si no (entonces no se registra nada).</translation>
    </message>
    <message>
        <source>import survey responses (CSV or XLSX)</source>
        <translation>importa respuestas de encuesta (CSV o XLSX)</translation>
    </message>
    <message>
        <source>Import survey responses (NPS score, sentiment, comment...) from a CSV or XLSX file.</source>
        <translation>Importa respuestas de encuesta (puntuación NPS, sentimiento, comentario...) desde un archivo CSV o XLSX.</translation>
    </message>
    <message>
        <source>the survey file (.csv, .txt, .tsv or .xlsx)</source>
        <translation>el archivo de la encuesta (.csv, .txt, .tsv o .xlsx)</translation>
    </message>
    <message>
        <source>long (one row per answer) or wide (one column per touchpoint)</source>
        <translation>long (una fila por respuesta) o wide (una columna por punto de contacto)</translation>
    </message>
    <message>
        <source>what a column is: a field, ignore, or a touchpoint id (repeatable)</source>
        <translation>qué es una columna: un campo, ignore o el id de un punto de contacto (se puede repetir)</translation>
    </message>
    <message>
        <source>import no dates</source>
        <translation>no importar fechas</translation>
    </message>
    <message>
        <source>use the saved import profile NAME</source>
        <translation>usar el perfil de importación guardado NOMBRE</translation>
    </message>
    <message>
        <source>save this file&apos;s column mapping as import profile NAME</source>
        <translation>guardar la asignación de columnas de este archivo como perfil de importación NOMBRE</translation>
    </message>
    <message>
        <source>column of the customer or session id</source>
        <translation>columna del id de cliente o de sesión</translation>
    </message>
    <message>
        <source>column of the event&apos;s date and time</source>
        <translation>columna de la fecha y hora del evento</translation>
    </message>
    <message>
        <source>column of the channel</source>
        <translation>columna del canal</translation>
    </message>
    <message>
        <source>column of the outcome (purchase, churn...)</source>
        <translation>columna del resultado (compra, baja...)</translation>
    </message>
    <message>
        <source>Reads CRM and web-analytics exports (HubSpot, Salesforce, GA4...) with one
row per event: a customer or session id, a date and time, and the touchpoint
(a card&apos;s id or title). Columns are recognised by their headers, in English or
Spanish; choose one with --customer-col, --time-col... Touchpoints the map does
not have are rejected and listed, or added as new cards with --new-cards.
The events and the flows they show are imported in one transaction as one
import batch, removable from the import history. Exit status: 0 when something
was imported, 1 otherwise (nothing is recorded then).</source>
        <translation>Lee exportaciones de CRM y de analítica web (HubSpot, Salesforce, GA4...) con
una fila por evento: un id de cliente o de sesión, una fecha y hora y el punto
de contacto (el id o el título de una tarjeta). Las columnas se reconocen por
sus encabezados, en español o en inglés; elige una con --customer-col,
--time-col... Los puntos de contacto que el mapa no tiene se rechazan y se
listan, o se añaden como tarjetas nuevas con --new-cards. Los eventos y los
flujos que muestran se importan en una sola transacción, como una importación
que puedes quitar del historial de importaciones. Estado de salida: 0 si se
importó algo, 1 si no (entonces no se registra nada).</translation>
    </message>
    <message>
        <source>import an event log from a CRM or web analytics (CSV or XLSX)</source>
        <translation>importa un registro de eventos de un CRM o de analítica web (CSV o XLSX)</translation>
    </message>
    <message>
        <source>Import an event log (one row per customer event) from a CSV or XLSX file.</source>
        <translation>Importa un registro de eventos (una fila por evento de un cliente) desde un archivo CSV o XLSX.</translation>
    </message>
    <message>
        <source>the event log (.csv, .txt, .tsv or .xlsx)</source>
        <translation>el registro de eventos (.csv, .txt, .tsv o .xlsx)</translation>
    </message>
    <message>
        <source>add touchpoints the map does not have as new cards</source>
        <translation>añade como tarjetas nuevas los puntos de contacto que el mapa no tiene</translation>
    </message>
    <message>
        <source>import the file even if it was imported before</source>
        <translation>importar el archivo aunque ya se haya importado</translation>
    </message>
    <message>
        <source>save the rejected rows to CSV, with a reason column</source>
        <translation>guardar las filas rechazadas en un CSV, con una columna de motivo</translation>
    </message>
    <message>
        <source>XLSX sheet (default: the first)</source>
        <translation>hoja del XLSX (por defecto: la primera)</translation>
    </message>
    <message>
        <source>print only the summary line</source>
        <translation>muestra solo la línea de resumen</translation>
    </message>
    <message>
        <source>the journey customers really took, from the imported event logs</source>
        <translation>el recorrido que hicieron de verdad los clientes, según los registros de eventos importados</translation>
    </message>
    <message>
        <source>Transitions between touchpoints (customers, median hours), reach and drop-off of each touchpoint, outcomes and the most common paths, from the map&apos;s event logs.</source>
        <translation>Transiciones entre puntos de contacto (clientes, mediana de horas), alcance y abandono de cada punto de contacto, resultados y los recorridos más frecuentes, según los registros de eventos del mapa.</translation>
    </message>
    <message>
        <source>output format (default: table)</source>
        <translation>formato de salida (por omisión: table)</translation>
    </message>
    <message>
        <source>only this part (CSV: one part, transitions by default)</source>
        <translation>solo esta parte (CSV: una parte, transitions por omisión)</translation>
    </message>
    <message>
        <source>imported %1 events of %2 customers, rejected %3</source>
        <translation>importados %1 eventos de %2 clientes, rechazados %3</translation>
    </message>
    <message>
        <source>new cards for touchpoints the map did not have: %1</source>
        <translation>tarjetas nuevas para puntos de contacto que el mapa no tenía: %1</translation>
    </message>
    <message>
        <source>%1 (rows: %2)</source>
        <translation>%1 (filas: %2)</translation>
    </message>
    <message>
        <source>touchpoints not on the map: %1</source>
        <translation>puntos de contacto que no están en el mapa: %1</translation>
    </message>
    <message>
        <source>Use --new-cards to add them as cards.</source>
        <translation>Usa --new-cards para añadirlos como tarjetas.</translation>
    </message>
    <message>
        <source>No event log imported into this map: use journeymap import-events.</source>
        <translation>No hay ningún registro de eventos importado en este mapa: usa journeymap import-events.</translation>
    </message>
    <message>
        <source>%1 events of %2 customers</source>
        <translation>%1 eventos de %2 clientes</translation>
    </message>
    <message>
        <source>Transitions (customers who went from one touchpoint to the next)</source>
        <translation>Transiciones (clientes que pasaron de un punto de contacto al siguiente)</translation>
    </message>
    <message>
        <source>Touchpoints (reach and drop-off)</source>
        <translation>Puntos de contacto (alcance y abandono)</translation>
    </message>
    <message>
        <source>Most common paths</source>
        <translation>Recorridos más frecuentes</translation>
    </message>
    <message>
        <source>Outcomes reached after each touchpoint</source>
        <translation>Resultados alcanzados después de cada punto de contacto</translation>
    </message>
    <message>
        <source>--map-column %1: expected HEADER=FIELD</source>
        <translation>--map-column %1: se esperaba CABECERA=CAMPO</translation>
    </message>
    <message>
        <source>Use --again to import it anyway.</source>
        <translation>Usa --again para importarlo de todos modos.</translation>
    </message>
    <message>
        <source>imported %1, rejected %2</source>
        <translation>importadas %1, rechazadas %2</translation>
    </message>
    <message>
        <source>layout: wide (one row per respondent, one column per touchpoint)</source>
        <translation>formato: ancho (una fila por encuestado, una columna por punto de contacto)</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>fila %1: %2</translation>
    </message>
    <message>
        <source>... more rejected rows: %1</source>
        <translation>... más filas rechazadas: %1</translation>
    </message>
    <message>
        <source>rejected rows saved to %1 (rows: %2)</source>
        <translation>filas rechazadas guardadas en %1 (filas: %2)</translation>
    </message>
    <message>
        <source>journeymap: nothing imported; the document is unchanged</source>
        <translation>journeymap: no se importó nada; el documento no ha cambiado</translation>
    </message>
    <message>
        <source>NPS and sentiment per touchpoint</source>
        <translation>NPS y sentimiento por punto de contacto</translation>
    </message>
    <message>
        <source>Print one row per touchpoint with its NPS and sentiment.</source>
        <translation>Muestra una fila por punto de contacto con su NPS y su sentimiento.</translation>
    </message>
    <message>
        <source>what drives the overall NPS: touchpoints ranked by the correlation (Pearson r) of their score with the same respondent&apos;s overall score</source>
        <translation>qué mueve el NPS global: los puntos de contacto ordenados por la correlación (r de Pearson) de su puntuación con la puntuación global del mismo encuestado</translation>
    </message>
    <message>
        <source>survey comments, filtered and searched</source>
        <translation>comentarios de las encuestas, filtrados y buscados</translation>
    </message>
    <message>
        <source>Print the survey comments of a map, a stage or touchpoints, with score, NPS group, sentiment, date and segment. --search finds words in any case and with or without accents.</source>
        <translation>Muestra los comentarios de las encuestas de un mapa, una etapa o puntos de contacto, con su puntuación, grupo NPS, sentimiento, fecha y segmento. --search encuentra las palabras en mayúsculas o minúsculas y con o sin tildes.</translation>
    </message>
    <message>
        <source>only this touchpoint (repeat for several)</source>
        <translation>solo este punto de contacto (repítelo para varios)</translation>
    </message>
    <message>
        <source>only the touchpoints of this stage</source>
        <translation>solo los puntos de contacto de esta etapa</translation>
    </message>
    <message>
        <source>only promoters, passives or detractors</source>
        <translation>solo promotores, pasivos o detractores</translation>
    </message>
    <message>
        <source>only comments of this sentiment</source>
        <translation>solo comentarios con este sentimiento</translation>
    </message>
    <message>
        <source>only from this date</source>
        <translation>solo desde esta fecha</translation>
    </message>
    <message>
        <source>only up to this date</source>
        <translation>solo hasta esta fecha</translation>
    </message>
    <message>
        <source>only comments containing every word of TEXT</source>
        <translation>solo comentarios que contengan todas las palabras de TEXT</translation>
    </message>
    <message>
        <source>order (default: %(default)s)</source>
        <translation>orden (por defecto: %(default)s)</translation>
    </message>
    <message>
        <source>output format (default: %(default)s)</source>
        <translation>formato de salida (por defecto: %(default)s)</translation>
    </message>
    <message>
        <source>%1: %2 is not a date (YYYY-MM-DD)</source>
        <translation>%1: %2 no es una fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>%1: map %2 has no touchpoint %3.</source>
        <translation>%1: el mapa %2 no tiene el punto de contacto %3.</translation>
    </message>
    <message>
        <source>%1: map %2 has no stage %3.</source>
        <translation>%1: el mapa %2 no tiene la etapa %3.</translation>
    </message>
    <message>
        <source>only responses of this segment</source>
        <translation>solo las respuestas de este segmento</translation>
    </message>
    <message>
        <source>the map&apos;s overall NPS (the survey&apos;s recommend question) instead</source>
        <translation>en su lugar, el NPS global del mapa (la pregunta de recomendación de la encuesta)</translation>
    </message>
    <message>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>compare the NPS of two segments or two periods</source>
        <translation>compara el NPS de dos segmentos o dos periodos</translation>
    </message>
    <message>
        <source>Compare the NPS of two segments (--segment A --segment B) or two periods (--period 2024-01-01..2024-03-31 --period 2024-04-01..2024-06-30), per touchpoint and per stage. delta is B minus A; significant is the adjusted-Wald test of the difference of two NPS at 95 % (Sauro &amp; Lewis, after Rocks 2016).</source>
        <translation>Compara el NPS de dos segmentos (--segment A --segment B) o dos periodos (--period 2024-01-01..2024-03-31 --period 2024-04-01..2024-06-30), por punto de contacto y por etapa. delta es B menos A; significant es la prueba de Wald ajustada de la diferencia entre dos NPS al 95 % (Sauro y Lewis, a partir de Rocks 2016).</translation>
    </message>
    <message>
        <source>a segment to compare (give two)</source>
        <translation>un segmento que comparar (indica dos)</translation>
    </message>
    <message>
        <source>a period to compare, both ends included (give two)</source>
        <translation>un periodo que comparar, ambos extremos incluidos (indica dos)</translation>
    </message>
    <message>
        <source>give two --segment or two --period</source>
        <translation>indica dos --segment o dos --period</translation>
    </message>
    <message>
        <source>--period %1 ends before it starts</source>
        <translation>--period %1 termina antes de empezar</translation>
    </message>
    <message>
        <source>--period %1 is not YYYY-MM-DD..YYYY-MM-DD</source>
        <translation>--period %1 no es AAAA-MM-DD..AAAA-MM-DD</translation>
    </message>
    <message>
        <source>merge the changes of other copies of a map into it</source>
        <translation>combina en un mapa los cambios de otras copias suyas</translation>
    </message>
    <message>
        <source>Bring into MASTER what each OTHER copy added or changed since they were copied: touchpoints, notes, photos, sensations, scores, stages, lanes, personas, connections and survey imports with their responses. Where both changed the same field, MASTER&apos;s value is kept and the conflict is listed (--theirs takes the other copy&apos;s). Deletions made in a copy are only listed. One transaction: if anything fails, MASTER is unchanged.</source>
        <translation>Trae a MASTER lo que cada copia OTHER añadió o cambió desde que se copió: puntos de contacto, notas, fotos, sensaciones, puntuaciones, etapas, filas, personas, conexiones e importaciones de encuestas con sus respuestas. Donde ambas cambiaron el mismo campo se conserva el valor de MASTER y se lista el conflicto (--theirs toma el de la otra copia). Lo eliminado en una copia solo se lista. Una sola transacción: si algo falla, MASTER queda sin cambios.</translation>
    </message>
    <message>
        <source>the .jmap document to merge into</source>
        <translation>el documento .jmap en el que combinar</translation>
    </message>
    <message>
        <source>the copies to merge from</source>
        <translation>las copias de las que combinar</translation>
    </message>
    <message>
        <source>show what would be merged; write nothing</source>
        <translation>muestra lo que se combinaría; no escribe nada</translation>
    </message>
    <message>
        <source>in a conflict, take the other copy&apos;s value</source>
        <translation>en un conflicto, toma el valor de la otra copia</translation>
    </message>
    <message>
        <source>added %1</source>
        <translation>añadido: %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>cambiado: %1</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>notes by %1</source>
        <translation>notas de %1</translation>
    </message>
    <message>
        <source>event log %1 from %2: %3</source>
        <translation>registro de eventos %1 de %2: %3</translation>
    </message>
    <message>
        <source>import %1 from %2: %3</source>
        <translation>importación %1 de %2: %3</translation>
    </message>
    <message>
        <source>Conflicts (the other copy&apos;s value was taken):</source>
        <translation>Conflictos (se tomó el valor de la otra copia):</translation>
    </message>
    <message>
        <source>Conflicts (MASTER&apos;s value kept; --theirs takes the other copy&apos;s):</source>
        <translation>Conflictos (se conserva el valor de MASTER; --theirs toma el de la otra copia):</translation>
    </message>
    <message>
        <source>Deleted in the other copies (not applied; review them in File ▸ Merge Changes From… of the editor):</source>
        <translation>Eliminado en las otras copias (no aplicado; revíselo en Archivo ▸ Combinar cambios de… del editor):</translation>
    </message>
    <message>
        <source>Nothing to merge: %1 already has everything in these copies.</source>
        <translation>Nada que combinar: %1 ya tiene todo lo de estas copias.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Simulación: no se escribió nada.</translation>
    </message>
    <message>
        <source>Merged into %1 (%2 copied).</source>
        <translation>Combinado en %1 (%2 copiadas).</translation>
    </message>
</context>
<context>
    <name>column</name>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>responses</source>
        <translation>respuestas</translation>
    </message>
    <message>
        <source>promoters</source>
        <translation>promotores</translation>
    </message>
    <message>
        <source>passives</source>
        <translation>pasivos</translation>
    </message>
    <message>
        <source>detractors</source>
        <translation>detractores</translation>
    </message>
    <message>
        <source>nps</source>
        <translation>nps</translation>
    </message>
    <message>
        <source>nps_margin</source>
        <translation>margen_nps</translation>
    </message>
    <message>
        <source>sentiment</source>
        <translation>sentimiento</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>etapas</translation>
    </message>
    <message>
        <source>lanes</source>
        <translation>filas</translation>
    </message>
    <message>
        <source>touchpoints</source>
        <translation>puntos_de_contacto</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>pares</translation>
    </message>
    <message>
        <source>r</source>
        <translation>r</translation>
    </message>
    <message>
        <source>r_low</source>
        <translation>r_inf</translation>
    </message>
    <message>
        <source>r_high</source>
        <translation>r_sup</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impacto</translation>
    </message>
    <message>
        <source>impact_from_data</source>
        <translation>impacto_según_datos</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mapa</translation>
    </message>
    <message>
        <source>touchpoint_id</source>
        <translation>id_punto_de_contacto</translation>
    </message>
    <message>
        <source>touchpoint</source>
        <translation>punto_de_contacto</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segmento</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>n_a</source>
        <translation>n_a</translation>
    </message>
    <message>
        <source>nps_a</source>
        <translation>nps_a</translation>
    </message>
    <message>
        <source>n_b</source>
        <translation>n_b</translation>
    </message>
    <message>
        <source>nps_b</source>
        <translation>nps_b</translation>
    </message>
    <message>
        <source>delta</source>
        <translation>diferencia</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>significativa</translation>
    </message>
    <message>
        <source>p_value</source>
        <translation>valor_p</translation>
    </message>
    <message>
        <source>from_id</source>
        <translation>id_origen</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to_id</source>
        <translation>id_destino</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>median_hours</source>
        <translation>mediana_horas</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>alcance</translation>
    </message>
    <message>
        <source>drop_off</source>
        <translation>abandono</translation>
    </message>
    <message>
        <source>path</source>
        <translation>recorrido</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>resultado</translation>
    </message>
    <message>
        <source>share</source>
        <translation>proporción</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objeto</translation>
    </message>
    <message>
        <source>field</source>
        <translation>campo</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>mío</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>suyo</translation>
    </message>
    <message>
        <source>source</source>
        <translation>origen</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>sensation</source>
        <translation>sensación</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>impacto</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <source>manual_nps</source>
        <translation>NPS manual</translation>
    </message>
    <message>
        <source>manual_sentiment</source>
        <translation>sentimiento manual</translation>
    </message>
    <message>
        <source>manual_promoters</source>
        <translation>promotores manuales</translation>
    </message>
    <message>
        <source>manual_passives</source>
        <translation>pasivos manuales</translation>
    </message>
    <message>
        <source>manual_detractors</source>
        <translation>detractores manuales</translation>
    </message>
    <message>
        <source>moment_of_truth</source>
        <translation>momento de la verdad</translation>
    </message>
    <message>
        <source>expectation</source>
        <translation>expectativa</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidencia</translation>
    </message>
    <message>
        <source>waiting_minutes</source>
        <translation>espera (minutos)</translation>
    </message>
    <message>
        <source>controllable</source>
        <translation>controlable</translation>
    </message>
    <message>
        <source>position</source>
        <translation>posición</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>author</source>
        <translation>autor</translation>
    </message>
    <message>
        <source>label</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>color</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>The selection cannot move there: some cards would leave the map. Nothing was moved.</source>
        <translation>La selección no puede moverse ahí: algunas tarjetas saldrían del mapa. No se ha movido nada.</translation>
    </message>
    <message>
        <source>The document is open read-only; it cannot be changed.</source>
        <translation>El documento está abierto en solo lectura; no se puede modificar.</translation>
    </message>
</context>
<context>
    <name>value</name>
    <message>
        <source>promoter</source>
        <translation>promotor</translation>
    </message>
    <message>
        <source>passive</source>
        <translation>pasivo</translation>
    </message>
    <message>
        <source>detractor</source>
        <translation>detractor</translation>
    </message>
    <message>
        <source>touchpoint</source>
        <translation>punto de contacto</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>map_persona</source>
        <translation>asignación de persona</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>conexión</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>importación</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mapa</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>cita</translation>
    </message>
</context>
</TS>
