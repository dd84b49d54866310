## A página Firmware: os dispositivos que o fwupd conhece, as atualizações deles e a instalação.

firmware-title = Firmware
    .keywords = firmware;atualização;atualizações;atualizar;BIOS;UEFI;fwupd;LVFS;dispositivo;webcam;câmera;dock;base;update;updates

firmware-devices = Dispositivos
firmware-none = Nenhum dispositivo com firmware que possa ser mostrado foi encontrado.
firmware-not-running = O serviço de firmware não está em execução
    .body = As atualizações de firmware vêm do fwupd. Esta página mostra os dispositivos dele sozinha assim que ele estiver em execução.
firmware-unreadable = Não é possível ler os dispositivos do serviço de firmware

## Um dispositivo

firmware-vendor = Fabricado por { $vendor }
firmware-version = Versão { $version }
firmware-version-unknown = Versão desconhecida
firmware-live-usable = Pode ser usado enquanto é atualizado.
firmware-live-unusable = Não pode ser usado enquanto é atualizado.
firmware-live-reboot = A atualização dele termina quando o computador reiniciar.
firmware-live-shutdown = A atualização dele termina depois que o computador for desligado.
firmware-not-updatable = O firmware dele não pode ser atualizado aqui.
firmware-up-to-date = Atualizado.
firmware-state-pending = Uma atualização está esperando a próxima reinicialização.
firmware-state-success = A última atualização foi concluída com sucesso.
firmware-state-failed = A última atualização falhou: { $reason }
firmware-state-failed-plain = A última atualização falhou.
firmware-state-needs-reboot = A última atualização termina quando o computador reiniciar.
firmware-state-failed-transient = Não foi possível executar a última atualização. Ela pode ser tentada de novo.

## Uma atualização disponível

firmware-update-available = A versão { $version } está disponível
firmware-update-size = Tamanho: { $size }
firmware-urgency-low = Urgência baixa
firmware-urgency-medium = Urgência média
firmware-urgency-high = Urgência alta
firmware-urgency-critical = Crítica: instale em breve
firmware-release-notes = Novidades
firmware-update = Atualizar
firmware-update-elsewhere = Outra atualização está sendo instalada.
firmware-being-updated = Esta atualização está sendo instalada.
# O fwupd está instalando uma atualização que outro programa pediu.
firmware-busy-elsewhere = Outro programa está atualizando um firmware: { $step }, { $percent }%.

## Uma atualização em andamento

firmware-updating = Atualizando { $device } para a versão { $version }
firmware-step-downloading = Baixando a atualização
firmware-step-checking = Conferindo o download
firmware-step-preparing = Preparando a atualização
firmware-step-authorizing = Aguardando permissão
firmware-step-device-busy = Aguardando o dispositivo
firmware-step-reading = Lendo o dispositivo
firmware-step-erasing = Apagando o firmware antigo
firmware-step-writing = Gravando o firmware
firmware-step-verifying = Verificando o firmware
firmware-step-restarting = Reiniciando o dispositivo
firmware-step-waiting-for-you = Aguardando você
firmware-step-working = Atualizando
# O nome da barra de progresso, lido pelos leitores de tela.
firmware-progress = { $device }: { $step }, { $percent }%
# Anunciado quando a etapa muda.
firmware-progress-step = { $device }: { $step }

## Como uma atualização terminou

firmware-done = A atualização de { $device } para a versão { $version } foi concluída.
firmware-restart-needed = A atualização de { $device } para a versão { $version } será concluída quando o computador reiniciar.
firmware-shutdown-needed = A atualização de { $device } para a versão { $version } será concluída depois que o computador for desligado e ligado de novo.
firmware-failed = A atualização de { $device } para a versão { $version } não foi feita.
firmware-restart = Reiniciar para concluir
firmware-close = Fechar
firmware-restart-failed = Não foi possível reiniciar o computador.

## Por que algo falhou

firmware-error-offline = Este computador está off-line, então não foi possível baixar a atualização.
firmware-error-untrusted = Não foi possível verificar a identidade do servidor de download { $host }, então a atualização não foi baixada.
firmware-error-download = Não foi possível baixar a atualização.
firmware-error-checksum = O arquivo baixado não é o que a atualização descreve, então nada foi instalado.
firmware-error-no-checksum = A atualização não informa nenhuma soma de verificação para conferir o download, então nada foi instalado.
firmware-error-no-location = A atualização não informa de onde pode ser baixada.
firmware-error-unsupported = A atualização é oferecida em um endereço do qual este computador não consegue baixar.
firmware-error-busy = O dispositivo está ocupado. Tente de novo quando ele não estiver em uso.
firmware-error-not-authorized = Você não tem permissão para atualizar firmware neste computador.
firmware-error-not-running = O serviço de firmware não está em execução.
firmware-error-stopped-during = O serviço de firmware parou durante a atualização. Os dispositivos abaixo aparecem como ele os informa agora.
firmware-error-timeout = O serviço de firmware não respondeu a tempo.
firmware-error-nothing-to-do = Não há nada para instalar: esta versão já está instalada.
firmware-error-refused = O serviço de firmware recusou a atualização.
firmware-error-remote = A fonte de atualizações não está disponível.
firmware-error-local = Algo deu errado neste computador ao preparar a atualização.
firmware-error-bus = Não foi possível acessar o serviço de firmware.

## Procurar atualizações

firmware-check = Procurar atualizações
firmware-refresh-checking = Procurando atualizações…
firmware-refresh-last = { $days ->
    [0] As atualizações foram procuradas pela última vez hoje.
    [one] As atualizações foram procuradas pela última vez ontem.
    [many] As atualizações foram procuradas pela última vez há { $days } de dias.
   *[other] As atualizações foram procuradas pela última vez há { $days } dias.
}
firmware-refresh-never = As atualizações ainda não foram procuradas.
firmware-refresh-metered = As atualizações não são procuradas automaticamente em uma conexão limitada. Use “Procurar atualizações” para procurar agora.
firmware-refresh-offline = Este computador está off-line. As atualizações serão procuradas quando ele voltar a ficar on-line.
firmware-refresh-failed = Não foi possível procurar atualizações. { $reason }
firmware-refresh-no-remote = Nenhuma fonte de atualizações de firmware está configurada.

## O fwupd pede que a pessoa faça algo

firmware-prompt-title = { $device } precisa de você
firmware-request-remove-replug = Desconecte { $device } e conecte de novo.
firmware-request-press-unlock = Pressione o botão de desbloqueio em { $device }.
firmware-request-remove-usb-cable = Remova o cabo USB de { $device }.
firmware-request-insert-usb-cable = Conecte o cabo USB a { $device }.
firmware-request-do-not-power-off = Não desligue { $device } nem este computador até a atualização terminar.
firmware-request-replug-install = Desconecte { $device } e conecte de novo para instalar a atualização.
firmware-request-replug-power = Desconecte { $device } da energia e conecte de novo.
firmware-request-vendor = { $device }: { $message }
firmware-request-generic = { $device } precisa que você faça algo antes que a atualização possa continuar.
firmware-prompt-done = Concluído
firmware-device-unknown = Dispositivo desconhecido
